package org.separata.data;

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
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.separata.support.Repo;

/**
 * The journal profile and layout schemas are real JSON Schema (2020-12): an independent validator,
 * the one editors use, accepts the example profile and every built-in pack's layout.yaml, and
 * rejects what Separata rejects. So an editor's squiggles and Separata's errors agree.
 */
class ProfileAndLayoutSchemasTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private static JsonSchema schema(String name) throws IOException {
        try (InputStream in = ProfileAndLayoutSchemasTest.class.getResourceAsStream("/schema/" + name)) {
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
        }
    }

    private static Set<ValidationMessage> validate(String schema, String yaml) throws IOException {
        return schema(schema).validate(YAML.readTree(yaml));
    }

    private static JsonNode yamlFile(Path p) throws IOException {
        return YAML.readTree(Files.readString(p));
    }

    @Test
    void theExampleProfileFitsTheJournalSchema() throws IOException {
        Set<ValidationMessage> errors = schema("journal.schema.json")
                .validate(yamlFile(Repo.file("examples/carvalho-2023/journal.yaml")));
        assertTrue(errors.isEmpty(), errors.toString());
    }

    @Test
    void everyBuiltInPackFitsTheLayoutSchema() throws IOException {
        for (String pack : java.util.List.of("classic", "compact", "modern")) {
            Set<ValidationMessage> errors = schema("layout.schema.json")
                    .validate(yamlFile(Repo.file("layouts/" + pack + "/layout.yaml")));
            assertTrue(errors.isEmpty(), pack + ": " + errors);
        }
    }

    @Test
    void bothValidatorsRejectTheSameProfiles() throws IOException {
        SchemaChecker ours = SchemaChecker.builtIn("journal.schema.json");
        for (String bad : java.util.List.of(
                "cuadernos:\n  title: X\n",
                "2409-3416:\n  issn-print: 2409-3416\n",
                "2409-3416:\n  title: X\n  how-to-cite: {style: chicago}\n",
                "2409-3416:\n  title: X\n  logo: 3\n")) {
            assertFalse(validate("journal.schema.json", bad).isEmpty(), "networknt accepts: " + bad);
            assertFalse(ours.check(DataParser.parse(bad.getBytes(), "j.yaml", DataFormat.YAML)).isEmpty(),
                    "Separata accepts: " + bad);
        }
        String good = "2409-3416:\n  title: X\n  issn-print: 2409-3416\n";
        assertEquals(Set.of(), validate("journal.schema.json", good));
        assertTrue(ours.check(DataParser.parse(good.getBytes(), "j.yaml", DataFormat.YAML)).isEmpty());
    }
}
