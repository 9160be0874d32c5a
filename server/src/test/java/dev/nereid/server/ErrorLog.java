package dev.nereid.server;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * What the server logs at ERROR while a test runs: a request answered in Neptune's terms must not also have
 * failed unexpectedly on the way. Closing it stops the capture.
 */
final class ErrorLog implements AutoCloseable {
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>() {
        @Override
        protected void append(ILoggingEvent event) {
            if (event.getLevel().isGreaterOrEqual(Level.ERROR)) {
                super.append(event);
            }
        }
    };

    private ErrorLog() {
    }

    static ErrorLog capture() {
        ErrorLog log = new ErrorLog();
        log.appender.start();
        root().addAppender(log.appender);
        return log;
    }

    List<ILoggingEvent> events() {
        return appender.list;
    }

    @Override
    public void close() {
        root().detachAppender(appender);
    }

    private static Logger root() {
        return (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    }
}
