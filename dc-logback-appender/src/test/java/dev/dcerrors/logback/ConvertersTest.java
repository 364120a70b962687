package dev.dcerrors.logback;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.spi.ILoggingEvent;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConvertersTest {

    @Test
    void conversionWordsPrintCodeCategoryAndSeverity() {
        LoggingSetup setup = new LoggingSetup("converters.xml");
        try {
            assertThat(setup.errors()).isEmpty();
            PatternLayout layout = new PatternLayout();
            layout.setContext(setup.context);
            layout.setPattern("[%dcCode|%dcCategory|%dcSeverity] %msg");
            layout.start();
            var log = setup.logger("conv");
            log.info("{\"code\":5147,\"msg\":\"locked\"}");
            log.info("Result(code=5021, msg=Input mobile number.)");
            log.info("{\"code\":4026}");
            log.info("{\"code\":200}");
            log.info("no code here, productCode=5147");
            log.atInfo().addKeyValue("code", 5000).log("kv");
            List<String> lines = setup.list("LIST").list.stream().map(e -> layout.doLayout(e)).toList();
            assertThat(lines).containsExactly(
                    "[5147|security|critical] {\"code\":5147,\"msg\":\"locked\"}",
                    "[5021|account|info] Result(code=5021, msg=Input mobile number.)",
                    "[4026|unknown|error] {\"code\":4026}",
                    "[200||] {\"code\":200}",
                    "[||] no code here, productCode=5147",
                    "[5000|platform|critical] kv");
        } finally {
            setup.stop();
        }
    }
}
