package io.inrkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.inrkit.codec.WeightFormat;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchQuantTest {

    @Test
    void everyFormatAutoTransformsAndEnginesAreMeasured(@TempDir Path dir) throws Exception {
        Path png = Cli.sample("kodim23-64x64.png", dir);
        Path json = dir.resolve("q.json");
        Cli r = Cli.run("bench", "quant", png, "--crop", "8x8", "--width", "8", "--iterations", "40", "--json", json, "-q");
        assertEquals(0, r.code, r.toString());
        JsonNode tree = new ObjectMapper().readTree(json.toFile());
        Map<String, Integer> totals = new HashMap<>();
        for (JsonNode row : tree.get("rows")) {
            totals.put(row.get("method").asText(), row.get("totalBytes").asInt());
        }
        int bestSingle = Integer.MAX_VALUE;
        for (WeightFormat f : WeightFormat.values()) {
            assertTrue(totals.containsKey(f.id()), f.id());
            bestSingle = Math.min(bestSingle, totals.get(f.id()));
        }
        assertTrue(totals.get("auto") <= bestSingle, "auto " + totals.get("auto") + " > " + bestSingle);
        assertTrue(totals.containsKey("context only"));
        assertEquals(18, tree.get("engines").size(), "float and 8 integer configurations for int8 and int4");
        assertEquals(15, tree.get("transforms").size(), "5 rows for int4, int3 and ternary");
        assertTrue(r.out.contains("| integer | int4 | 8 | yes |"), r.out);
    }
}
