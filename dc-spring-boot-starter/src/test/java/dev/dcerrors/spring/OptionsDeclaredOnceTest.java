package dev.dcerrors.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dcerrors.core.RecognizerOptions;
import dev.dcerrors.logback.DevCenterErrorAppender;
import dev.dcerrors.logback.DevCenterErrorTurboFilter;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * Every recognition option is declared once, in {@link RecognizerOptions}: the turbo filter, the appender and the
 * Spring Boot properties offer the same set, with the same defaults, and none keeps a value of its own.
 */
class OptionsDeclaredOnceTest {

    private static final Set<String> RECOGNITION_OPTIONS = Arrays.stream(RecognizerOptions.Option.values())
            .map(RecognizerOptions.Option::element).collect(Collectors.toCollection(TreeSet::new));

    /** The logback.xml elements a Joran component offers: its public one-argument setX/addX methods, less Logback's own. */
    private static Set<String> elementsOf(Class<?> component, Class<?> logbackBase) {
        Set<String> inherited = Arrays.stream(logbackBase.getMethods()).map(Method::getName).collect(Collectors.toSet());
        return Arrays.stream(component.getMethods())
                .filter(m -> m.getParameterCount() == 1 && (m.getName().startsWith("set") || m.getName().startsWith("add")))
                .filter(m -> !inherited.contains(m.getName()))
                .map(m -> Character.toLowerCase(m.getName().charAt(3)) + m.getName().substring(4))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** The component's own fields that could hold an option value (anything but the options object and its machinery). */
    private static Set<String> valueFieldsOf(Class<?> component) {
        return Arrays.stream(component.getDeclaredFields()).filter(f -> !Modifier.isStatic(f.getModifiers()))
                .map(Field::getName).collect(Collectors.toCollection(TreeSet::new));
    }

    private static Set<String> plus(Set<String> options, String... own) {
        Set<String> all = new TreeSet<>(options);
        all.addAll(Arrays.asList(own));
        return all;
    }

    @Test
    void theTurboFilterOffersEveryRecognitionOptionAndOneOfItsOwn() {
        assertThat(elementsOf(DevCenterErrorTurboFilter.class, ch.qos.logback.classic.turbo.TurboFilter.class))
                .isEqualTo(plus(RECOGNITION_OPTIONS, "includeDisabledLevels"));
        assertThat(valueFieldsOf(DevCenterErrorTurboFilter.class)).as("no option value kept beside RecognizerOptions")
                .containsExactlyInAnyOrder("options", "given", "includeDisabledLevels", "installedByCode", "failures", "counting");
    }

    @Test
    void theAppenderOffersEveryRecognitionOptionAndOneOfItsOwn() {
        assertThat(elementsOf(DevCenterErrorAppender.class, ch.qos.logback.core.UnsynchronizedAppenderBase.class))
                .isEqualTo(plus(RECOGNITION_OPTIONS, "mdcKey"));
        assertThat(valueFieldsOf(DevCenterErrorAppender.class)).as("no option value kept beside RecognizerOptions")
                .containsExactlyInAnyOrder("options", "mdcKeys", "reader", "failures", "recognizer", "lastRecognizer");
    }

    @Test
    void theSpringPropertiesAreTheRecognitionOptionsBoundOntoRecognizerOptions() throws Exception {
        String metadata;
        try (InputStream in = getClass().getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
            metadata = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        // The processor's output, one flat object per property (no JSON library: Boot 3 and 4 ship different Jacksons).
        String properties = metadata.substring(metadata.indexOf("\"properties\""));
        TreeMap<String, String> sourceOf = new TreeMap<>();
        Matcher property = Pattern.compile("\\{[^{}]*\\}").matcher(properties);
        while (property.find()) {
            String object = property.group();
            Matcher name = Pattern.compile("\"name\"\\s*:\\s*\"([^\"]+)\"").matcher(object);
            Matcher source = Pattern.compile("\"sourceType\"\\s*:\\s*\"([^\"]+)\"").matcher(object);
            if (name.find() && source.find() && name.group(1).startsWith("devcenter.errors.")) {
                sourceOf.put(name.group(1), source.group(1));
            }
        }
        Set<String> expected = Arrays.stream(RecognizerOptions.Option.values()).map(o -> "devcenter.errors." + o.property())
                .collect(Collectors.toCollection(TreeSet::new));
        expected.addAll(Set.of("devcenter.errors.enabled", "devcenter.errors.include-disabled-levels", "devcenter.errors.register-whole-catalog",
                "devcenter.errors.max-endpoints", "devcenter.errors.responses.enabled"));
        assertThat(sourceOf.keySet()).isEqualTo(expected);
        for (RecognizerOptions.Option option : RecognizerOptions.Option.values()) {
            assertThat(sourceOf.get("devcenter.errors." + option.property())).as(option.property()).isEqualTo(RecognizerOptions.class.getName());
        }
        assertThat(valueFieldsOf(DevCenterErrorProperties.class)).containsExactlyInAnyOrder("enabled", "includeDisabledLevels", "registerWholeCatalog",
                "maxEndpoints", "responses");
    }

    @Test
    void theDefaultsAreTheSameEverywhere() {
        new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(DevCenterErrorAutoConfiguration.class)).run(context -> {
            RecognizerOptions bound = context.getBean(RecognizerOptions.class);
            assertThat(bound).hasToString(new RecognizerOptions().toString());
            for (RecognizerOptions.Option option : RecognizerOptions.Option.values()) {
                assertThat(bound.valueOf(option)).as(option.property()).isEqualTo(option.defaultValue());
            }
        });
    }
}
