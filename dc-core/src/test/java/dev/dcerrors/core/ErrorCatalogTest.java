package dev.dcerrors.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ErrorCatalogTest {

    private static final Pattern ROW = Pattern.compile("^\\|\\s*(\\d+)\\s*\\|(.*)\\|\\s*$");

    /** The published error-code table, kept as a test fixture (see its first line). */
    static final String SEED_TABLE = "/dev/dcerrors/core/seed/error-code-summary.md";

    /** The seed table: code -> message, padding trimmed. */
    static Map<Integer, String> seedTable() throws IOException {
        Map<Integer, String> rows = new LinkedHashMap<>();
        InputStream in = ErrorCatalogTest.class.getResourceAsStream(SEED_TABLE);
        assertThat(in).as("test fixture %s", SEED_TABLE).isNotNull();
        List<String> lines;
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            lines = reader.lines().toList();
        }
        for (String line : lines) {
            Matcher m = ROW.matcher(line);
            if (m.matches()) {
                rows.put(Integer.parseInt(m.group(1)), m.group(2).strip());
            }
        }
        return rows;
    }

    @Test
    void builtInCatalogHoldsEverySeedCodeWithTheSeedsOwnMessage() throws IOException {
        Map<Integer, String> seed = seedTable();
        assertThat(seed).hasSize(406);
        ErrorCatalog catalog = ErrorCatalog.builtIn();
        assertThat(catalog.size()).isEqualTo(406);
        seed.forEach((code, message) -> {
            ErrorCode entry = catalog.find(code);
            assertThat(entry).as("code %d", code).isNotNull();
            assertThat(entry.message()).as("message of %d", code).isEqualTo(message);
        });
    }

    @Test
    void everyCodeHasACategoryAndSeverityFromTheFixedSets() {
        for (ErrorCode code : ErrorCatalog.builtIn().codes()) {
            assertThat(code.category()).as("category of %d", code.code()).isNotNull().isNotEqualTo(ErrorCategory.UNKNOWN);
            assertThat(code.severity()).as("severity of %d", code.code()).isNotNull();
        }
    }

    @Test
    void everyMessageThatAsksForInputIsInfo() {
        assertThat(ErrorCatalog.builtIn().codes())
                .filteredOn(c -> c.message().startsWith("Input "))
                .hasSizeGreaterThan(100)
                .allSatisfy(c -> assertThat(c.severity()).as("%s", c).isEqualTo(ErrorSeverity.INFO));
    }

    @Test
    void lockoutAndBlockCodesAreSecurityWithTheRubricsSeverities() {
        ErrorCatalog catalog = ErrorCatalog.builtIn();
        assertThat(catalog.find(5146)).extracting(ErrorCode::category, ErrorCode::severity)
                .containsExactly(ErrorCategory.SECURITY, ErrorSeverity.WARNING);
        for (int code : new int[] {5147, 5148, 5325}) {
            assertThat(catalog.find(code)).extracting(ErrorCode::category, ErrorCode::severity)
                    .containsExactly(ErrorCategory.SECURITY, ErrorSeverity.CRITICAL);
        }
        assertThat(catalog.find(5000)).extracting(ErrorCode::category, ErrorCode::severity)
                .containsExactly(ErrorCategory.PLATFORM, ErrorSeverity.CRITICAL);
        assertThat(catalog.codes()).filteredOn(c -> c.severity() == ErrorSeverity.CRITICAL)
                .extracting(ErrorCode::code).containsExactly(5000, 5147, 5148, 5325);
        assertThat(catalog.codes()).filteredOn(c -> c.category() == ErrorCategory.SECURITY)
                .extracting(ErrorCode::code).containsExactly(5146, 5147, 5148, 5325);
    }

    @Test
    void failureMessagesAreErrorsAndFormatMessagesAreInfo() {
        ErrorCatalog catalog = ErrorCatalog.builtIn();
        assertThat(catalog.find(5048).severity()).isEqualTo(ErrorSeverity.ERROR); // Failed to bind device.
        assertThat(catalog.find(5417).severity()).isEqualTo(ErrorSeverity.ERROR); // Query failed.
        assertThat(catalog.find(5019).severity()).isEqualTo(ErrorSeverity.INFO); // Incorrect mobile number format.
        assertThat(catalog.find(5302).severity()).isEqualTo(ErrorSeverity.INFO); // Name exceeds length limit.
        assertThat(catalog.find(5028).severity()).isEqualTo(ErrorSeverity.WARNING); // Wrong password.
        assertThat(catalog.find(5005).category()).isEqualTo(ErrorCategory.AUTH);
        assertThat(catalog.find(5388).category()).isEqualTo(ErrorCategory.THIRD_PARTY);
        assertThat(catalog.find(5461).category()).isEqualTo(ErrorCategory.BINDING);
    }

    @Test
    void lookupOutsideTheCatalogFindsNothing() {
        ErrorCatalog catalog = ErrorCatalog.builtIn();
        assertThat(catalog.find(5005 + 1)).isNull(); // 5006 is a gap of the table
        assertThat(catalog.find(4007)).isNull();
        assertThat(catalog.find(-1)).isNull();
        assertThat(catalog.find(Integer.MAX_VALUE)).isNull();
        assertThat(catalog.slotOf(5000)).isZero();
        assertThat(catalog.atSlot(catalog.slotOf(5479)).code()).isEqualTo(5479);
    }

    @Test
    void overridesAddAndReplaceCodes() {
        ErrorCatalog extra = ErrorCatalog.load(new StringReader(
                "# codes the platform emits outside the table\n"
                        + "4007\tauth\twarning\tToken expired.\n"
                        + "5005\tsecurity\terror\tOverridden.\n"), "extra.tsv");
        ErrorCatalog merged = ErrorCatalog.builtIn().withOverrides(extra);
        assertThat(merged.size()).isEqualTo(407);
        assertThat(merged.find(4007)).isEqualTo(new ErrorCode(4007, ErrorCategory.AUTH, ErrorSeverity.WARNING, "Token expired."));
        assertThat(merged.find(5005).category()).isEqualTo(ErrorCategory.SECURITY);
        assertThat(ErrorCatalog.builtIn().find(5005).category()).isEqualTo(ErrorCategory.AUTH);
    }

    @Test
    void malformedRowIsReportedWithSourceLineAndExpectedForm() {
        assertThatThrownBy(() -> ErrorCatalog.load(new StringReader("4007\tauth\twarning\tok\n4008 auth warning bad\n"), "extra.tsv"))
                .isInstanceOf(CatalogFormatException.class)
                .hasMessageContaining("extra.tsv:2")
                .hasMessageContaining("code<TAB>category<TAB>severity<TAB>message");
        assertThatThrownBy(() -> ErrorCatalog.load(new StringReader("4007\tlogin\twarning\tok\n"), "x.tsv"))
                .hasMessageContaining("x.tsv:1").hasMessageContaining("unknown category 'login'").hasMessageContaining("third_party");
        assertThatThrownBy(() -> ErrorCatalog.load(new StringReader("4007\tauth\tfatal\tok\n"), "x.tsv"))
                .hasMessageContaining("unknown severity 'fatal'");
        assertThatThrownBy(() -> ErrorCatalog.load(new StringReader("abc\tauth\tinfo\tok\n"), "x.tsv"))
                .hasMessageContaining("code 'abc' is not a number");
        assertThatThrownBy(() -> ErrorCatalog.load(new StringReader("200\tauth\tinfo\tok\n"), "x.tsv"))
                .hasMessageContaining("not an error code");
        assertThatThrownBy(() -> ErrorCatalog.load(new StringReader("4007\tauth\tinfo\ta\n4007\tauth\tinfo\tb\n"), "x.tsv"))
                .hasMessageContaining("x.tsv:2").hasMessageContaining("appears twice");
        assertThatThrownBy(() -> ErrorCatalog.load(new StringReader("4007\tauth\tinfo\t \n"), "x.tsv"))
                .hasMessageContaining("empty message");
    }

    @Test
    void unreadableFileIsReportedWithItsPath(@TempDir Path dir) {
        Path missing = dir.resolve("missing.tsv");
        assertThatThrownBy(() -> ErrorCatalog.loadFile(missing))
                .isInstanceOf(CatalogFormatException.class)
                .hasMessageContaining(missing.toString()).hasMessageContaining("cannot be read");
        assertThatThrownBy(() -> ErrorCatalog.loadLocation("classpath:nope/missing.tsv", null))
                .isInstanceOf(CatalogFormatException.class)
                .hasMessageContaining("classpath:nope/missing.tsv");
    }

    @Test
    void locationsReadFilesAndClassPathResources(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("codes.tsv");
        Files.writeString(file, "\uFEFF4026\tplatform\terror\tGateway timeout.\n");
        assertThat(ErrorCatalog.loadLocation(file.toString(), null).find(4026)).isNotNull();
        assertThat(ErrorCatalog.loadLocation("classpath:" + ErrorCatalog.BUILT_IN_RESOURCE, null).size()).isEqualTo(406);
    }
}
