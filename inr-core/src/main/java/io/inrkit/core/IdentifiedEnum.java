package io.inrkit.core;

import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * An enum that the command line, reports and options name by a short lower-case id: by default
 * the constant's name in lower case with '-' for '_' ({@code PLANE_HEADS} is {@code plane-heads}).
 * Each such enum keeps a one-line {@code fromId(String)} that calls {@link #fromId(Class, String,
 * String)}, so the lookup and its refusal are written once.
 */
public interface IdentifiedEnum {

    /** The constant's name (every enum has it). */
    String name();

    /** The name the command line takes and reports print. */
    default String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /**
     * The constant of {@code type} whose id is {@code id}.
     *
     * @param what what the constants are, for the refusal: "unknown WHAT 'id' (a, b, c)"
     * @throws IllegalArgumentException for an unknown id, naming it and the ids {@code type} has
     */
    static <E extends Enum<E> & IdentifiedEnum> E fromId(Class<E> type, String what, String id) {
        return find(type, what, id, id);
    }

    /** As {@link #fromId(Class, String, String)}, whatever the case of {@code id}. */
    static <E extends Enum<E> & IdentifiedEnum> E fromIdIgnoringCase(Class<E> type, String what, String id) {
        return find(type, what, id.toLowerCase(Locale.ROOT), id);
    }

    /** The ids of {@code type}'s constants in declaration order, comma-separated: "bce, mse". */
    static <E extends Enum<E> & IdentifiedEnum> String ids(Class<E> type) {
        return Stream.of(type.getEnumConstants()).map(IdentifiedEnum::id).collect(Collectors.joining(", "));
    }

    private static <E extends Enum<E> & IdentifiedEnum> E find(Class<E> type, String what, String wanted,
            String given) {
        for (E e : type.getEnumConstants()) {
            if (e.id().equals(wanted)) {
                return e;
            }
        }
        throw new IllegalArgumentException("unknown " + what + " '" + given + "' (" + ids(type) + ")");
    }
}
