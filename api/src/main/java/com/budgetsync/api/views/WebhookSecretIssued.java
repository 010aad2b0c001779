package com.budgetsync.api.views;

import com.budgetsync.crypto.WebhookSignature;
import io.swagger.v3.oas.annotations.media.Schema;

/** A config's new webhook signing secret, shown this once; the one before it stops signing at once. */
@Schema(description = "the config's new webhook signing secret, shown only in this answer")
public record WebhookSecretIssued(boolean success, String message, long configId, String webhookSecret,
                                  String signatureHeader) {
    public static WebhookSecretIssued of(long configId, String secret) {
        return new WebhookSecretIssued(true, "Webhook secret rotated: store it now, it is not shown again",
                configId, secret, WebhookSignature.HEADER);
    }
}
