package org.separata.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.separata.support.Repo;

/**
 * The published schema is a real JSON Schema: an independent validator (networknt) accepts the
 * example and rejects what Separata rejects, so editors and Separata agree.
 */
class SchemaTest {

    private static JsonSchema schema() throws Exception {
        try (InputStream in = SchemaTest.class.getResourceAsStream("/schema/article.schema.json")) {
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
        }
    }

    private static JsonNode yaml(String text) throws Exception {
        return new ObjectMapper(new YAMLFactory()).readTree(text);
    }

    @Test
    void theExampleIsValid() throws Exception {
        Set<ValidationMessage> errors = schema().validate(yaml(Files.readString(Repo.seed())));
        assertEquals(Set.of(), errors);
    }

    @Test
    void anUnknownKeyAndAWrongTypeAreInvalidForBoth() throws Exception {
        String seed = Files.readString(Repo.seed());
        for (String broken : new String[] {
                seed.replace("  publisher: MGIMO", "  publsher: MGIMO"),
                seed.replace("  year: 2021", "  year: twenty-one"),
                seed.replace("issn-print: 2409-3416", "issn-print: 2409-341"),
                seed.substring(0, seed.indexOf("\ntitles:")) + seed.substring(seed.indexOf("\nauthors:"))}) {
            assertFalse(schema().validate(yaml(broken)).isEmpty(), "networknt should reject it");
            assertTrue(ManifestReader.schema().check(org.separata.data.DataParser.parse(broken.getBytes(),
                    "x.yaml", org.separata.data.DataFormat.YAML)).size() > 0, "Separata should reject it");
        }
    }
}
