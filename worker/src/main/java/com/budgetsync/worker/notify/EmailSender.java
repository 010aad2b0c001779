package com.budgetsync.worker.notify;

import com.budgetsync.settings.SmtpSettings;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.Properties;

/**
 * Sends a run's notice as a plain-text email over the operator's SMTP server, one message per recipient so each is
 * delivered and retried on its own. The server is operator configuration, not customer input: no outbound guard.
 */
public final class EmailSender {
    private static final String TIMEOUT_MILLIS = "15000";

    private final SmtpSettings smtp;
    private final Session session;

    public EmailSender(SmtpSettings smtp) {
        this.smtp = smtp;
        Properties props = new Properties();
        props.put("mail.transport.protocol", "smtp");
        props.put("mail.smtp.host", smtp.host());
        props.put("mail.smtp.port", String.valueOf(smtp.port()));
        props.put("mail.smtp.auth", String.valueOf(smtp.authenticates()));
        // required, not merely enabled: a server that cannot upgrade must not receive the password in clear text
        props.put("mail.smtp.starttls.enable", String.valueOf(smtp.startTls()));
        props.put("mail.smtp.starttls.required", String.valueOf(smtp.startTls()));
        props.put("mail.smtp.connectiontimeout", TIMEOUT_MILLIS);
        props.put("mail.smtp.timeout", TIMEOUT_MILLIS);
        props.put("mail.smtp.writetimeout", TIMEOUT_MILLIS);
        this.session = Session.getInstance(props);
    }

    public void send(Notice notice, String recipient) throws DeliveryException {
        try {
            MimeMessage message = new MimeMessage(session);
            message.setFrom(new InternetAddress(smtp.from(), true));
            message.setRecipient(Message.RecipientType.TO, new InternetAddress(recipient, true));
            message.setSubject(notice.subject(), StandardCharsets.UTF_8.name());
            message.setText(notice.text(), StandardCharsets.UTF_8.name());
            message.setSentDate(new Date());
            if (smtp.authenticates()) {
                Transport.send(message, smtp.username(), smtp.password());
            } else {
                Transport.send(message);
            }
        } catch (AddressException e) {
            throw new DeliveryException("not an email address: " + e.getRef(), false, e);
        } catch (AuthenticationFailedException e) {
            throw new DeliveryException("SMTP login to " + where() + " as " + smtp.username() + " failed", false, e);
        } catch (SendFailedException e) {
            // the server refused the recipient (unknown mailbox): sending again cannot help
            boolean refusedRecipient = e.getInvalidAddresses() != null && e.getInvalidAddresses().length > 0;
            throw new DeliveryException("SMTP server " + where() + " did not accept the message: " + reason(e),
                    !refusedRecipient, e);
        } catch (MessagingException e) {
            throw new DeliveryException("email via " + where() + " failed: " + reason(e), true, e);
        }
    }

    private String where() {
        return smtp.host() + ":" + smtp.port();
    }

    /** The innermost message, e.g. "Connection refused" rather than the wrapping "Couldn't connect to host". */
    private static String reason(Exception e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        String text = cause == e ? e.getMessage() : e.getMessage() + " (" + cause.getMessage() + ")";
        return text == null ? e.getClass().getSimpleName() : text.strip();
    }
}
