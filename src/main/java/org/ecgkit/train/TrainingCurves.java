package org.ecgkit.train;

import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;

import java.util.Optional;

/** The training-curve plot of a history table. */
public final class TrainingCurves {

    private TrainingCurves() {
    }

    /**
     * train_loss and val_loss per epoch on the left axis; on the right axis {@code metric} if the history has it and
     * it is not a loss, else the first {@code val_} column that is not val_loss, if any.
     */
    public static XYChart plot(Table history, String metric) {
        if (history.rowCount() == 0) {
            throw new IllegalStateException(history.name() + " has no epochs yet; nothing to plot");
        }
        XYChart chart = new XYChartBuilder().width(800).height(450).title(history.name())
                .xAxisTitle("epoch").yAxisTitle("loss").build();
        chart.getStyler().setYAxisGroupPosition(1, org.knowm.xchart.style.Styler.YAxisPosition.Right);
        double[] epochs = history.numberColumn("epoch").asDoubleArray();
        for (String loss : new String[]{"train_loss", "val_loss"}) {
            if (history.containsColumn(loss)) {
                addSeries(chart, loss, epochs, history.numberColumn(loss), 0);
            }
        }
        metricToShow(history, metric).ifPresent(name -> {
            addSeries(chart, name, epochs, history.numberColumn(name), 1);
            chart.setYAxisGroupTitle(1, name);
        });
        return chart;
    }

    private static Optional<String> metricToShow(Table history, String preferred) {
        if (history.containsColumn(preferred) && !preferred.contains("loss")) {
            return Optional.of(preferred);
        }
        return history.columnNames().stream().filter(name -> name.startsWith("val_") && !name.contains("loss")).findFirst();
    }

    private static void addSeries(XYChart chart, String name, double[] epochs, NumericColumn<?> values, int axis) {
        XYSeries series = chart.addSeries(name, epochs, values.asDoubleArray());
        series.setMarker(SeriesMarkers.CIRCLE);
        series.setYAxisGroup(axis);
    }
}
