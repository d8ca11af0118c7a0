package gov.exports.portal.screening;

import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The jsonb arrays of the screening tables (names, addresses), read back into lists. */
final class JsonLists {

    private static final ObjectMapper JSON = new ObjectMapper();
    static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };
    static final TypeReference<List<ListEntryData.Address>> ADDRESSES = new TypeReference<>() {
    };

    private JsonLists() {
    }

    static <T> List<T> read(String json, TypeReference<List<T>> type) {
        if (json == null || json.isBlank()) {
            return List.of();
        }
        try {
            return JSON.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A screening table holds invalid JSON", e);
        }
    }
}
