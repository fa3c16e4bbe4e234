package dev.dockdiet.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/** JSON Schema validation for the tests (draft-04: both the OASIS SARIF schema and reviewdog's are). */
public final class Schemas {

    static final ObjectMapper MAPPER = new ObjectMapper();
    private static Schema sarif;
    private static Schema rdjson;

    private Schemas() {
    }

    public static synchronized Schema sarif() {
        if (sarif == null) {
            sarif = load("/report/sarif-schema-2.1.0.json");
        }
        return sarif;
    }

    public static synchronized Schema rdjson() {
        if (rdjson == null) {
            rdjson = load("/report/rdjson.schema.json");
        }
        return rdjson;
    }

    /** The validation errors as {@code /path: message} lines; empty when valid. */
    public static List<String> errors(Schema schema, String json) {
        try {
            return schema.validate(MAPPER.readTree(json)).stream()
                    .map(e -> e.getInstanceLocation() + ": " + e.getMessage())
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Schema load(String resource) {
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4);
        try (InputStream in = Schemas.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + resource);
            }
            return registry.getSchema(in, InputFormat.JSON);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
