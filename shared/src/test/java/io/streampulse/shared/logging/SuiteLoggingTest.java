package io.streampulse.shared.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.status.Status;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SuiteLoggingTest {

    @Test
    void configure_rootToStdoutWithTheSuitePattern_nettyQuiet() {
        LoggerContext context = new LoggerContext();

        assertEquals(Configurator.ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY, new SuiteLogging().configure(context));

        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        ConsoleAppender<?> stdout = assertInstanceOf(ConsoleAppender.class, root.getAppender("STDOUT"));
        assertTrue(stdout.isStarted());
        assertEquals(SuiteLogging.PATTERN, ((PatternLayoutEncoder) stdout.getEncoder()).getPattern());
        assertEquals(Level.WARN, context.getLogger("io.netty").getLevel());
        assertEquals(Level.INFO, context.getLogger("io.micronaut").getLevel());
    }

    @Test
    void processLogging_isTheSuites_foundThroughTheServiceFile_noJoran() {
        LoggerContext running = (LoggerContext) LoggerFactory.getILoggerFactory();
        List<String> statuses = running.getStatusManager().getCopyOfStatusList().stream()
                .map(Status::getMessage).toList();

        assertTrue(statuses.stream().anyMatch(m -> m.contains(SuiteLogging.class.getName())), statuses.toString());
        assertTrue(statuses.stream().noneMatch(m -> m.contains("logback.xml") || m.contains("Joran")),
                statuses.toString());
        assertInstanceOf(ConsoleAppender.class, running.getLogger(Logger.ROOT_LOGGER_NAME).getAppender("STDOUT"));
        assertEquals(Level.WARN, running.getLogger("io.netty").getLevel());
    }
}
