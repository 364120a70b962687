package dev.dcerrors.demo;

import java.util.List;
import java.util.SortedMap;

/** What one run of the scenario produced; {@code failedRequests} never reached the backend (transport errors, time-outs). */
record DemoRun(long seconds, long requests, long failedRequests, SortedMap<Integer, Long> tally, List<DevCenterBackend.SecurityEvent> timeline,
        Scrape scrape, List<String> differences, String metricsUrl, int metricsPort, String logFile) {
}
