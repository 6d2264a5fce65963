package dev.todoapp.mail;

import jakarta.ws.rs.WebApplicationException;

/**
 * A failed send. {@code errorClass} is a short, secret-free label ("SMTP 550", "HTTP 429",
 * "ConnectException") for logs and health; {@code permanent} failures are not retried.
 */
public class MailDeliveryException extends RuntimeException {

    private final String errorClass;
    private final boolean permanent;

    public MailDeliveryException(String errorClass, boolean permanent, Throwable cause) {
        super(errorClass, cause, false, false);
        this.errorClass = errorClass;
        this.permanent = permanent;
    }

    public String errorClass() {
        return errorClass;
    }

    public boolean permanent() {
        return permanent;
    }

    /** For the HTTPS APIs: 408, 429 and 5xx are the provider's hiccups; any other 4xx will not get better by retrying. */
    static MailDeliveryException fromHttpApi(Throwable failure) {
        if (failure instanceof WebApplicationException web && web.getResponse() != null) {
            int status = web.getResponse().getStatus();
            boolean retryable = status == 408 || status == 429 || status >= 500;
            return new MailDeliveryException("HTTP " + status, !retryable, failure);
        }
        return of(failure);
    }

    /** A label for any failure: the transport's own, or the exception's simple class name. */
    static MailDeliveryException of(Throwable failure) {
        return failure instanceof MailDeliveryException known ? known
                : new MailDeliveryException(failure.getClass().getSimpleName(), false, failure);
    }
}
