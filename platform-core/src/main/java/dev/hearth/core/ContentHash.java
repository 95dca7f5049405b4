package dev.hearth.core;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * A short hash of an object's content: SHA-256 of its JSON with map keys sorted, so equal content gives an equal hash
 * whatever the map order. Used for content-named objects and to tell whether a desired object changed.
 */
public final class ContentHash {
    private static final ObjectMapper CANONICAL =
            new ObjectMapper().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

    private ContentHash() {}

    /** The first {@code hexDigits} hex digits of the hash of {@code content}. */
    public static String of(Object content, int hexDigits) {
        try {
            byte[] json = CANONICAL.writeValueAsBytes(content);
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(json))
                    .substring(0, hexDigits);
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot hash " + content.getClass().getSimpleName(), e);
        }
    }
}
