package org.ecgkit.notebook;

import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.display.Renderer;
import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Base64;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

class ChartRendererTest {

    private static DisplayData render(Object chart) {
        Renderer renderer = new Renderer();
        EcgkitJupyter.registerRenderers(renderer);
        return renderer.render(chart);
    }

    private static BufferedImage decode(DisplayData data) throws IOException {
        byte[] png = Base64.getDecoder().decode((String) data.getData(MIMEType.IMAGE_PNG));
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertNotNull(image, "image/png does not decode as an image");
        return image;
    }

    @Test
    void xyChartIsAPngOfTheChartsSize() throws IOException {
        XYChart chart = new XYChartBuilder().width(300).height(180).title("Lead II").build();
        chart.addSeries("mV", new double[] {0, 1, 2, 3}, new double[] {0.1, 1.2, -0.3, 0.0});

        DisplayData data = render(chart);
        BufferedImage image = decode(data);

        assertEquals(300, image.getWidth());
        assertEquals(180, image.getHeight());
        assertEquals("XYChart \"Lead II\" (300×180 px)", data.getData(MIMEType.TEXT_PLAIN));
    }

    @Test
    void theImageShowsTheSeries() throws IOException {
        XYChart empty = new XYChartBuilder().width(200).height(120).build();
        empty.addSeries("flat", new double[] {0, 1}, new double[] {0, 0}).setShowInLegend(false);
        XYChart spiky = new XYChartBuilder().width(200).height(120).build();
        spiky.addSeries("flat", new double[] {0, 1, 2}, new double[] {0, 5, 0}).setShowInLegend(false);

        BufferedImage a = decode(render(empty));
        BufferedImage b = decode(render(spiky));

        assertNotEquals(pixelSum(a), pixelSum(b), "different data should draw different pictures");
    }

    private static long pixelSum(BufferedImage image) {
        long sum = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                sum += image.getRGB(x, y) & 0xFFFFFF;
            }
        }
        return sum;
    }

    @Test
    void otherChartTypesRenderToo() throws IOException {
        CategoryChart chart = new CategoryChartBuilder().width(250).height(150).title("Classes").build();
        chart.addSeries("count", List.of("N", "AF"), List.of(90, 10));

        BufferedImage image = decode(render(chart));

        assertEquals(250, image.getWidth());
        assertEquals(150, image.getHeight());
    }
}
