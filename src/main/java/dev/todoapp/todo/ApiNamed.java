package dev.todoapp.todo;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** An enum whose constants travel in the API under a word of their own (e.g. "createdAt", "high"). */
public interface ApiNamed {

    String apiName();

    static <E extends Enum<E> & ApiNamed> Optional<E> byApiName(Class<E> type, String name) {
        return Arrays.stream(type.getEnumConstants()).filter(constant -> constant.apiName().equals(name)).findFirst();
    }

    /** "must be one of a, b, c": the message for a word that is none of them. */
    static <E extends Enum<E> & ApiNamed> String oneOf(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(ApiNamed::apiName)
                .collect(Collectors.joining(", ", "must be one of ", ""));
    }
}
