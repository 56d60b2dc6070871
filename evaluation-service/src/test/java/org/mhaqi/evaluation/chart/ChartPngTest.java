package org.mhaqi.evaluation.chart;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.mhaqi.evaluation.analysis.runchart.RunChartAnalysis;

class ChartPngTest {

  @Test
  void aChartIsDrawnAsAPngOfItsOwnSize() throws Exception {
    String svg =
        new SvgCharts()
            .runChart(
                "Test", RunChartAnalysis.analyse(List.of(3.0, 4.0, 5.0, 4.0)), null, Set.of());

    byte[] png = ChartPng.of(svg);

    BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
    assertThat(image).isNotNull();
    assertThat(svg)
        .contains("width=\"" + image.getWidth() + "\"")
        .contains("height=\"" + image.getHeight() + "\"");
  }
}
