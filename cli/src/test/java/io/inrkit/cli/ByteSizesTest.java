package io.inrkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ByteSizesTest {

    @Test
    void sizesReadAsXmxReadsThem() {
        assertEquals(1_048_576, ByteSizes.parse("--max-memory", "1048576"));
        assertEquals(1024, ByteSizes.parse("--max-memory", "1k"));
        assertEquals(512L << 20, ByteSizes.parse("--max-memory", "512m"));
        assertEquals(512L << 20, ByteSizes.parse("--max-memory", "512MB"));
        assertEquals(512L << 20, ByteSizes.parse("--max-memory", "512MiB"));
        assertEquals(8L << 30, ByteSizes.parse("--max-memory", "8g"));
        assertEquals(8L << 30, ByteSizes.parse("--max-memory", "8G"));
        assertEquals(1L << 40, ByteSizes.parse("--max-memory", "1t"));
        assertEquals(100, ByteSizes.parse("--max-memory", "100b"));
    }

    @Test
    void anythingElseIsAUsageErrorNamingTheOption() {
        for (String bad : new String[] {"1.5g", "k", "-1", "8x", "12ib", "", "8 g"}) {
            UsageException e = assertThrows(UsageException.class, () -> ByteSizes.parse("--max-memory", bad), bad);
            assertTrue(e.getMessage().startsWith("--max-memory ") && e.getMessage().contains("'" + bad + "'"),
                    e.getMessage());
        }
        assertTrue(assertThrows(UsageException.class, () -> ByteSizes.parse("--max-memory", "9999999999999999999"))
                .getMessage().contains("more bytes than a long holds"));
        assertTrue(assertThrows(UsageException.class, () -> ByteSizes.parse("--max-memory", "8388608t"))
                .getMessage().contains("more bytes than a long holds"));
    }
}
