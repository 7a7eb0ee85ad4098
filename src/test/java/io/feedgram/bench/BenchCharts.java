package io.feedgram.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.markers.SeriesMarkers;

import io.feedgram.bench.Figures.Inbox;
import io.feedgram.bench.Figures.KindRun;
import io.feedgram.bench.Figures.PolicyRun;
import io.feedgram.bench.Figures.StartUps;
import io.feedgram.bench.Figures.Throughput;

/** The report's charts (XChart), each written as a PNG next to it; each method answers the Markdown that shows it. */
final class BenchCharts {

    private static final int WIDTH = 800;
    private static final int HEIGHT = 450;

    private final Path dir;

    BenchCharts(Path dir) {
        this.dir = dir;
    }

    String startUps(List<StartUps> ways) {
        CategoryChart chart = new CategoryChartBuilder().width(WIDTH).height(HEIGHT).title("Start-up to readiness UP")
                .xAxisTitle("run").yAxisTitle("seconds").build();
        for (StartUps way : ways) {
            List<String> runs = IntStream.range(0, way.readyMs().size()).mapToObj(i -> i == 0 ? "first start" : "restart " + i).toList();
            chart.addSeries(way.way(), runs, way.readyMs().stream().map(ms -> (Number) (ms / 1000)).toList());
        }
        return save(chart, "start-up", "Start-up");
    }

    String throughput(List<Throughput> runs) {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title("Image posts published since the first submission")
                .xAxisTitle("seconds").yAxisTitle("posts published").build();
        chart.getStyler().setXAxisDecimalPattern("0");
        for (Throughput run : runs) {
            double[] seconds = run.publishedAfter().length == 0 ? new double[] {0} : run.publishedAfter();
            double[] count = run.publishedAfter().length == 0 ? new double[] {0}
                    : IntStream.rangeClosed(1, seconds.length).asDoubleStream().toArray();
            chart.addSeries(run.label(), seconds, count).setMarker(SeriesMarkers.NONE);
        }
        return save(chart, "throughput", "Throughput");
    }

    String calls(List<PolicyRun> policies) {
        CategoryChart chart = new CategoryChartBuilder().width(WIDTH).height(HEIGHT).title("Graph calls per published post")
                .xAxisTitle("kind").yAxisTitle("calls").build();
        List<String> kinds = Arrays.stream(PostKind.values()).map(PostKind::label).toList();
        chart.addSeries("minimum", kinds, Arrays.stream(PostKind.values()).map(k -> (Number) k.minimumCalls()).toList());
        for (PolicyRun policy : policies) {
            chart.addSeries(policy.policy(), kinds, policy.kinds().stream().map(k -> (Number) k.callsPerPost()).toList());
        }
        return save(chart, "calls", "Graph calls per post");
    }

    String lag(List<PolicyRun> policies) {
        CategoryChart chart = new CategoryChartBuilder().width(WIDTH).height(HEIGHT).title("Ready to published, median")
                .xAxisTitle("kind").yAxisTitle("seconds").build();
        for (PolicyRun policy : policies) {
            List<String> kinds = policy.kinds().stream().map(k -> k.kind().label()).toList();
            chart.addSeries(policy.policy(), kinds, medianLagSeconds(policy.kinds()));
        }
        return save(chart, "lag", "Lag after ready");
    }

    String inbox(Inbox inbox) {
        double[] sorted = inbox.latenciesMs().clone();
        Arrays.sort(sorted);
        double[] percent = IntStream.range(0, sorted.length).mapToDouble(i -> 100.0 * (i + 1) / sorted.length).toArray();
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT)
                .title("POST /api/v1/posts latency, " + inbox.clients() + " clients").xAxisTitle("percentile")
                .yAxisTitle("ms").build();
        chart.getStyler().setXAxisDecimalPattern("0").setLegendVisible(false);
        chart.addSeries("latency", percent, sorted).setMarker(SeriesMarkers.NONE);
        return save(chart, "inbox", "Inbox latency");
    }

    private static List<Number> medianLagSeconds(List<KindRun> kinds) {
        List<Number> seconds = new ArrayList<>();
        for (KindRun kind : kinds) {
            double ms = kind.lagMs().median();
            seconds.add(Double.isNaN(ms) ? 0 : ms / 1000);
        }
        return seconds;
    }

    private String save(Chart<?, ?> chart, String name, String title) {
        try {
            BitmapEncoder.saveBitmap(chart, dir.resolve(name).toString(), BitmapEncoder.BitmapFormat.PNG);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return "![" + title + "](" + name + ".png)\n";
    }
}
