package dev.todoapp.account.service;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import dev.todoapp.common.DomainException;
import dev.todoapp.common.ErrorCode;
import dev.todoapp.common.FieldError;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import me.gosimple.nbvcxz.resources.DictionaryUtil;

/**
 * The contract's password rule: 8 to 128 characters, no composition rules, and not one of the
 * commonly used passwords (nbvcxz's maintained list of leaked passwords).
 */
@ApplicationScoped
public class PasswordPolicy {

    public static final int MIN_LENGTH = 8;
    public static final int MAX_LENGTH = 128;

    private volatile Set<String> common;

    /** Loads the list in the background so neither startup nor the first sign-up waits for it. */
    void preload(@Observes StartupEvent event) {
        Infrastructure.getDefaultWorkerPool().execute(this::commonPasswords);
    }

    /** Throws 422 when {@code password} breaks the rule; {@code field} names it in the error. */
    public void check(String field, String password) {
        if (password == null || password.isEmpty()) {
            throw DomainException.validation(field, "must not be blank");
        }
        int length = password.codePointCount(0, password.length());
        if (length < MIN_LENGTH || length > MAX_LENGTH) {
            throw DomainException.validation(field, "must be between " + MIN_LENGTH + " and " + MAX_LENGTH + " characters");
        }
        if (commonPasswords().contains(password.toLowerCase(Locale.ROOT))) {
            throw new DomainException(ErrorCode.WEAK_PASSWORD,
                    field + " is one of the most commonly used passwords; choose another",
                    List.of(new FieldError(field, "is too common")));
        }
    }

    private Set<String> commonPasswords() {
        Set<String> loaded = common;
        if (loaded == null) {
            synchronized (this) {
                if (common == null) {
                    // shorter entries are refused by the length rule anyway: keep memory small
                    common = DictionaryUtil.loadUnrankedDictionary(DictionaryUtil.passwords).keySet().stream()
                            .filter(p -> p.length() >= MIN_LENGTH)
                            .map(p -> p.toLowerCase(Locale.ROOT))
                            .collect(Collectors.toUnmodifiableSet());
                }
                loaded = common;
            }
        }
        return loaded;
    }
}
