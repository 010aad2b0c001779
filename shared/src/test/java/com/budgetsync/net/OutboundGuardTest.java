package com.budgetsync.net;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OutboundGuardTest {
    private final OutboundGuard production = new OutboundGuard(false, false);

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "127.0.0.1       | outbound connection to 127.0.0.1 refused: loopback address (allow with outbound.allowLoopback)",
            "localhost       | refused: loopback address",
            "[::1]           | outbound connection to 0:0:0:0:0:0:0:1 refused: loopback address",
            "169.254.169.254 | outbound connection to 169.254.169.254 refused: link-local address (allow with outbound.allowPrivate)",
            "10.0.0.1        | outbound connection to 10.0.0.1 refused: private network address (allow with outbound.allowPrivate)",
            "172.16.5.4      | refused: private network address",
            "192.168.1.1     | refused: private network address",
            "100.64.0.1      | refused: private network address",
            "fd00::1         | refused: private network address",
            "0.0.0.0         | outbound connection to 0.0.0.0 refused: unspecified address",
            "::ffff:127.0.0.1 | outbound connection to 127.0.0.1 refused: loopback address"})
    void refusesInternalAddressesWithAClearMessage(String host, String message) {
        OutboundRefusedException e = assertThrows(OutboundRefusedException.class, () -> production.check(host));
        assertEquals(true, e.getMessage().contains(message), e.getMessage());
    }

    @Test
    void letsPublicAddressesThrough() {
        assertDoesNotThrow(() -> production.check("93.184.215.14"));
        assertDoesNotThrow(() -> production.checkTarget("https://93.184.215.14/budgets.csv"));
    }

    @Test
    void checksTheHostOfUrlsAndOnlyHttp() {
        assertThrows(OutboundRefusedException.class, () -> production.checkTarget("http://169.254.169.254/latest/meta-data"));
        assertThrows(OutboundRefusedException.class, () -> production.checkTarget("https://[::1]:8443/hook"));
        OutboundRefusedException file = assertThrows(OutboundRefusedException.class,
                () -> production.checkTarget("file:///etc/passwd"));
        assertEquals("'file:///etc/passwd' is not an http(s) URL with a host", file.getMessage());
    }

    @Test
    void operatorSettingsOpenLoopbackOrPrivateNetworks() {
        OutboundGuard dev = new OutboundGuard(true, false);
        assertDoesNotThrow(() -> dev.check("127.0.0.1"));
        assertThrows(OutboundRefusedException.class, () -> dev.check("10.0.0.1"));
        OutboundGuard onPremises = new OutboundGuard(false, true);
        assertDoesNotThrow(() -> onPremises.check("10.0.0.1"));
        assertDoesNotThrow(() -> onPremises.check("169.254.169.254"));
        assertThrows(OutboundRefusedException.class, () -> onPremises.check("0.0.0.0"));
    }

    @Test
    void aNameThatDoesNotResolveIsLeftForConnectTime() {
        assertDoesNotThrow(() -> production.checkTarget("sftp.invalid"));
        assertThrows(OutboundRefusedException.class, () -> production.checkTarget("https://127.0.0.1/x"));
    }
}
