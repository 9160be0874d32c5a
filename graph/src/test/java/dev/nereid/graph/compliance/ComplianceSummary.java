package dev.nereid.graph.compliance;

import io.cucumber.plugin.ConcurrentEventListener;
import io.cucumber.plugin.event.EventPublisher;
import io.cucumber.plugin.event.Result;
import io.cucumber.plugin.event.Status;
import io.cucumber.plugin.event.TestCaseFinished;
import io.cucumber.plugin.event.TestRunFinished;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Counts the scenarios of a run: passed, failed, and skipped by reason — Nereid's exclusions by their
 * {@link Exclusions.Reason}, TinkerPop's own skips by their message. Prints the tally and writes it to
 * {@code target/gremlin-compliance.txt}, with the failed scenarios and the excluded ones by reason.
 */
public final class ComplianceSummary implements ConcurrentEventListener {

    private static final Pattern REASON = Pattern.compile("Excluded \\[(\\w+)]");

    private final Map<String, Integer> counts = new TreeMap<>();
    private final Map<String, List<String>> excluded = new TreeMap<>();
    private final List<String> failed = new ArrayList<>();
    private int total;
    private int passed;

    @Override
    public void setEventPublisher(EventPublisher publisher) {
        publisher.registerHandlerFor(TestCaseFinished.class, this::finished);
        publisher.registerHandlerFor(TestRunFinished.class, e -> report());
    }

    private synchronized void finished(TestCaseFinished event) {
        total++;
        Result result = event.getResult();
        String name = event.getTestCase().getName();
        if (result.getStatus() == Status.PASSED) {
            passed++;
        } else if (result.getStatus() == Status.SKIPPED) {
            String reason = skipReason(result.getError());
            counts.merge("skipped: " + reason, 1, Integer::sum);
            if (reason.startsWith("excluded ")) {
                excluded.computeIfAbsent(reason, r -> new ArrayList<>()).add(name);
            }
        } else {
            failed.add(name + " (" + event.getTestCase().getUri() + ":" + event.getTestCase().getLocation().getLine()
                    + ") " + result.getStatus() + ": " + firstLine(result.getError()));
        }
    }

    private static String skipReason(Throwable error) {
        String message = error == null ? "" : String.valueOf(error.getMessage());
        Matcher m = REASON.matcher(message);
        if (m.find()) {
            return "excluded " + m.group(1);
        }
        return "by TinkerPop: " + message;
    }

    private static String firstLine(Throwable error) {
        if (error == null) {
            return "";
        }
        String s = error.toString();
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    private synchronized void report() {
        StringBuilder s = new StringBuilder();
        s.append("TinkerPop Gherkin scenarios on NereidGraph: ").append(total).append(" total, ")
                .append(passed).append(" passed, ").append(failed.size()).append(" failed\n");
        counts.forEach((k, v) -> s.append(String.format("  %4d %s%n", v, k)));
        for (String f : failed) {
            s.append("  FAILED ").append(f).append('\n');
        }
        excluded.forEach((reason, names) -> {
            s.append(reason).append(":\n");
            names.stream().sorted().forEach(n -> s.append("    ").append(n).append('\n'));
        });
        System.out.print(s);
        try {
            Path out = Path.of("target", "gremlin-compliance.txt");
            Files.createDirectories(out.getParent());
            Files.writeString(out, s);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
