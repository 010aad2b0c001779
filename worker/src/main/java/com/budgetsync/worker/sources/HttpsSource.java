package com.budgetsync.worker.sources;

import com.budgetsync.workflow.RemoteFile;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.DigestInputStream;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.cert.CertificateFactory;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.LongConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.TrustManagerFactory;

/**
 * One file behind a URL (sourceType {@code https}), e.g. a Google Sheet published to the web as CSV. Keys:
 * {@code url}, optional {@code bearerToken} or {@code username}/{@code password} (never sent over plain http, nor
 * along a redirect), {@code trustedCertificate} (PEM, for a server with a private or self-signed certificate),
 * and the {@link SourceLimits}. The listing fetches the file and uses its
 * content hash as the version when the server sends no ETag, so an unchanged sheet is never imported twice.
 */
public final class HttpsSource implements FileSource {
    private static final Pattern FILENAME_STAR = Pattern.compile("filename\\*\\s*=\\s*[^']*'[^']*'([^;]+)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern FILENAME = Pattern.compile("filename\\s*=\\s*\"?([^\";]+)\"?",
            Pattern.CASE_INSENSITIVE);

    private final URI url;
    private final String authorization;
    private final String who;
    private final SourceLimits limits;
    private final long maxBytes;
    private final HttpClient http;
    /** Bodies being read: closed when the source is closed or aborted, which wakes a reader blocked on one. */
    private final List<InputStream> bodies = new CopyOnWriteArrayList<>();
    private LongConsumer received = n -> { };

    public HttpsSource(Map<String, Object> config) {
        this(config, SourceLimits.of(config));
    }

    public HttpsSource(Map<String, Object> config, SourceLimits limits) {
        this.url = URI.create(ConfigValues.required(config, "url", "https"));
        String scheme = String.valueOf(url.getScheme()).toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            throw new IllegalArgumentException("sourceConfig.url must start with https://");
        }
        String token = ConfigValues.secret(config, "bearerToken");
        String user = ConfigValues.text(config, "username", null);
        String password = ConfigValues.secret(config, "password");
        if (token != null) {
            authorization = "Bearer " + token;
            who = "bearer token";
        } else if (user != null) {
            authorization = "Basic " + Base64.getEncoder().encodeToString(
                    (user + ":" + (password == null ? "" : password)).getBytes(StandardCharsets.UTF_8));
            who = user;
        } else {
            authorization = null;
            who = "anonymous";
        }
        if (authorization != null && scheme.equals("http")) {
            throw new IllegalArgumentException("sourceConfig.url must be https:// when credentials are set:"
                    + " they would cross the network in clear text");
        }
        this.limits = limits;
        this.maxBytes = PollSettings.of(config).maxFileBytes();
        HttpClient.Builder builder = HttpClient.newBuilder()
                .connectTimeout(limits.connect())
                // a redirect may lead to another host: credentials must not follow it
                .followRedirects(authorization == null ? HttpClient.Redirect.NORMAL : HttpClient.Redirect.NEVER);
        String trusted = ConfigValues.text(config, "trustedCertificate", null);
        if (trusted != null) {
            builder.sslContext(trusting(trusted));
        }
        this.http = builder.build();
    }

    /** The one file, fetched once to learn its name, size and version (ETag, else the content's sha256). */
    @Override
    public List<RemoteFile> list() throws IOException {
        HttpResponse<InputStream> response = get();
        String etag = response.headers().firstValue("ETag").orElse(null);
        long size = 0;
        MessageDigest sha = sha256();
        try (InputStream in = new DigestInputStream(response.body(), sha)) {
            byte[] buffer = new byte[64 * 1024];
            for (int n; (n = in.read(buffer)) > 0 && size <= maxBytes; ) {
                size += n;
                received.accept(n);
            }
        }
        if (etag == null && size <= maxBytes) {
            etag = SourcePoller.CONTENT_HASH + HexFormat.of().formatHex(sha.digest());
        }
        Instant modified = response.headers().firstValue("Last-Modified").map(HttpsSource::httpDate).orElse(null);
        return List.of(new RemoteFile(url.toString(), filename(response), size, modified, etag));
    }

    @Override
    public InputStream open(RemoteFile file) throws IOException {
        return get().body();
    }

    /** Told the bytes the listing receives: it reads the whole body to hash it. */
    void signsOfLife(LongConsumer received) {
        this.received = received;
    }

    @Override
    public String where() {
        return url.getHost() + ":" + port();
    }

    @Override
    public void close() throws IOException {
        for (InputStream body : bodies) {
            body.close();
        }
        bodies.clear();
    }

    private HttpResponse<InputStream> get() throws IOException {
        // the request's timeout ends with the headers; the body's silences are WatchedSource's to limit
        HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(limits.socketTimeout()).GET();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        HttpResponse<InputStream> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SourceException("interrupted while fetching " + shown(), true, e);
        } catch (HttpConnectTimeoutException | ConnectException e) {
            throw SourceException.unreachable(where(), e instanceof HttpConnectTimeoutException
                    ? "connect timed out" : "connection refused", e);
        } catch (HttpTimeoutException e) {
            throw SourceException.unreachable(where(), "no answer within " + limits.socketTimeout().toSeconds()
                    + " s", e);
        } catch (SSLHandshakeException e) {
            throw new SourceException("TLS handshake with " + where() + " failed (untrusted or mismatching"
                    + " certificate; set trustedCertificate for a private one): " + e.getMessage(), false,
                    SourceException.Stage.LOGIN, e);
        } catch (IOException e) {
            throw SourceException.unreachable(where(), e.getCause() instanceof UnknownHostException
                    ? "unknown host " + url.getHost() : String.valueOf(e.getMessage()), e);
        }
        int status = response.statusCode();
        if (status == 200) {
            bodies.add(response.body());
            return response;
        }
        response.body().close();
        if (status == 401) {
            throw SourceException.authenticationFailed(who, where(), null);
        }
        if (status == 403) {
            throw new SourceException("access denied to " + shown() + " for " + who, false);
        }
        if (status == 404 || status == 410) {
            throw new SourceException("not found: " + shown() + " (HTTP " + status + ")", false);
        }
        if (status >= 300 && status < 400) {
            throw new SourceException(shown() + " redirects elsewhere; credentials are never forwarded, so set url"
                    + " to the final address", false);
        }
        throw new SourceException("HTTP " + status + " from " + shown(), status >= 500 || status == 429);
    }

    /**
     * Content-Disposition's name, else the URL's last path segment; always with a file type the parser knows (a
     * compressed download keeps its .zip or .gz, which the reader unpacks).
     */
    private String filename(HttpResponse<?> response) {
        String disposition = response.headers().firstValue("Content-Disposition").orElse("");
        String name = null;
        Matcher star = FILENAME_STAR.matcher(disposition);
        Matcher plain = FILENAME.matcher(disposition);
        if (star.find()) {
            name = URLDecoder.decode(star.group(1).trim(), StandardCharsets.UTF_8);
        } else if (plain.find()) {
            name = plain.group(1).trim();
        } else if (url.getPath() != null && !url.getPath().isBlank()) {
            name = url.getPath().substring(url.getPath().lastIndexOf('/') + 1);
        }
        if (name == null || name.isBlank()) {
            name = url.getHost();
        }
        name = name.replaceAll("[/\\\\]", "_");
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".csv") || lower.endsWith(".xlsx") || lower.endsWith(".xls") || lower.endsWith(".zip")
                || lower.endsWith(".gz")) {
            return name;
        }
        String type = response.headers().firstValue("Content-Type").orElse("").toLowerCase(Locale.ROOT);
        return name + (type.contains("spreadsheetml") ? ".xlsx" : type.contains("ms-excel") ? ".xls"
                : type.contains("gzip") ? ".csv.gz" : type.contains("zip") ? ".zip" : ".csv");
    }

    private static Instant httpDate(String value) {
        try {
            return ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static SSLContext trusting(String pem) {
        try {
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            int i = 0;
            for (var cert : CertificateFactory.getInstance("X.509")
                    .generateCertificates(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)))) {
                store.setCertificateEntry("trusted-" + i++, cert);
            }
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(store);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalArgumentException("sourceConfig.trustedCertificate is not a PEM certificate: "
                    + e.getMessage());
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The URL without user info or query, either of which may carry a credential. */
    private String shown() {
        return url.getScheme() + "://" + where() + url.getRawPath();
    }

    private int port() {
        return url.getPort() > 0 ? url.getPort() : "http".equalsIgnoreCase(url.getScheme()) ? 80 : 443;
    }
}
