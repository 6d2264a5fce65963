package dev.todoapp.mail;

/** A rendered mail: what every transport sends. {@code kind} names the template, for logs and health. */
public record OutgoingMail(String kind, String to, String subject, String html, String text) {
}
