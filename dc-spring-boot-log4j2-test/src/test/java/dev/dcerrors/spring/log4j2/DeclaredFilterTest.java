package dev.dcerrors.spring.log4j2;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dcerrors.core.ErrorCounts;
import dev.dcerrors.log4j2.DevCenterErrorFilter;
import dev.dcerrors.spring.Log4j2FilterInstaller;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LoggerContext;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * An application on Log4j2 whose logging configuration declares {@code <DevCenterErrorFilter/>} for the counts the
 * starter is configured with: the starter does not install a second filter, and each call counts once, into the
 * counts the binder publishes.
 */
@SpringBootTest(classes = DeclaredFilterTest.App.class, properties = {
    "logging.config=classpath:log4j2-declared.xml",
    "devcenter.errors.counts=declared-filter-test"})
class DeclaredFilterTest {

    @Autowired
    Log4j2FilterInstaller installer;

    @Autowired
    ErrorCounts counts;

    @Test
    void theDeclaredFilterCountsEachCallOnceIntoTheCountsTheStarterPublishes() {
        assertThat(installer.installedFilter()).isNull();
        LoggerContext context = (LoggerContext) LogManager.getContext(false);
        assertThat(context.getConfiguration().getFilter()).isInstanceOf(DevCenterErrorFilter.class);
        assertThat(((DevCenterErrorFilter) context.getConfiguration().getFilter()).counts()).isSameAs(counts);
        long before = counts.count(5147);
        LoggerFactory.getLogger("com.example.LoginController").warn("response {}",
                "{\"code\":5147,\"msg\":\"Your account has been temporarily locked.\"}");
        assertThat(counts.count(5147)).isEqualTo(before + 1);
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class App {
    }
}
