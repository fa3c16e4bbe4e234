package dev.dockdiet.syntax;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The exec (JSON) form, decided as BuildKit's parseJSON does: the arguments must be one complete,
 * strict JSON document that is an array. An array of strings is exec form; an array holding
 * anything else is an error; anything that is not valid JSON falls back to shell form.
 */
final class JsonForm {

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
            .build();

    private JsonForm() {
    }

    enum Kind { NOT_JSON, STRINGS, NOT_STRINGS }

    /** An element of the array: its decoded value and its span (quotes included) in the input. */
    record Element(String value, int start, int end) {
    }

    record Result(Kind kind, List<Element> elements) {
    }

    private static final Result NOT_JSON = new Result(Kind.NOT_JSON, List.of());

    static boolean isJsonArray(String rest) {
        return parse(rest).kind() != Kind.NOT_JSON;
    }

    static Result parse(String rest) {
        int lead = 0;
        while (lead < rest.length() && ShellLex.isSpace(rest.charAt(lead))) {
            lead++;
        }
        if (lead >= rest.length() || rest.charAt(lead) != '[') {
            return NOT_JSON;
        }
        String doc = rest.substring(lead);
        List<Element> out = new ArrayList<>();
        boolean allStrings = true;
        try (JsonParser p = FACTORY.createParser(doc)) {
            if (p.nextToken() != JsonToken.START_ARRAY) {
                return NOT_JSON;
            }
            while (true) {
                JsonToken t = p.nextToken();
                if (t == null) {
                    return NOT_JSON;
                }
                if (t == JsonToken.END_ARRAY) {
                    break;
                }
                if (t == JsonToken.VALUE_STRING) {
                    int s = (int) p.currentTokenLocation().getCharOffset();
                    String v = p.getText();
                    int e = (int) p.currentLocation().getCharOffset();
                    out.add(new Element(v, lead + s, lead + e));
                } else {
                    allStrings = false;
                    if (t == JsonToken.START_ARRAY || t == JsonToken.START_OBJECT) {
                        p.skipChildren();
                    }
                }
            }
            // nothing but JSON whitespace may follow
            if (p.nextToken() != null) {
                return NOT_JSON;
            }
        } catch (IOException | RuntimeException e) {
            return NOT_JSON;
        }
        return allStrings ? new Result(Kind.STRINGS, out) : new Result(Kind.NOT_STRINGS, List.of());
    }
}
