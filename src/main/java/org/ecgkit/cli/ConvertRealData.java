package org.ecgkit.cli;

import java.nio.file.Path;
import java.util.Locale;

import org.ecgkit.data.cinc.Cinc2017;
import org.ecgkit.data.convert.ConversionResult;
import org.ecgkit.data.convert.StratifiedSplit;
import org.ecgkit.data.ptbxl.PtbXl;
import org.ecgkit.data.ptbxl.PtbXlTask;
import org.ecgkit.data.window.Windowing;

/**
 * Converts a real database into the kit's dataset layout from the command line (see docs/real-data.md).
 *
 * <pre>
 * ConvertRealData ptbxl FOLDER OUTPUT [RATE 100|500] [TASK superdiagnostic|diagnostic|subdiagnostic|form|rhythm|all]
 * ConvertRealData cinc2017 FOLDER OUTPUT [WINDOW_S 30] [STRIDE_S 15] [PADDING zero|repeat] [SEED 2017]
 * </pre>
 */
public final class ConvertRealData {

    private ConvertRealData() {
    }

    public static void main(String[] args) {
        if (args.length < 3) {
            throw new IllegalArgumentException("usage: ConvertRealData ptbxl|cinc2017 FOLDER OUTPUT [options...]");
        }
        Path folder = Path.of(args[1]);
        Path output = Path.of(args[2]);
        ConversionResult result = switch (args[0]) {
            case "ptbxl" -> PtbXl.open(folder)
                    .converter(arg(args, 3, "100").equals("500") ? PtbXl.Rate.HZ_500 : PtbXl.Rate.HZ_100,
                            PtbXlTask.valueOf(arg(args, 4, "superdiagnostic").toUpperCase(Locale.ROOT)))
                    .convert(output);
            case "cinc2017" -> Cinc2017.open(folder).converter()
                    .windows(Double.parseDouble(arg(args, 3, "30")), Double.parseDouble(arg(args, 4, "15")),
                            Windowing.Padding.valueOf(arg(args, 5, "zero").toUpperCase(Locale.ROOT)))
                    .split(new StratifiedSplit(0.1, 0.1, Long.parseLong(arg(args, 6, "2017"))))
                    .convert(output);
            default -> throw new IllegalArgumentException("unknown database '" + args[0] + "'; expected ptbxl or cinc2017");
        };
        System.out.printf(Locale.ROOT, "%s: %,d records in %s, %.2f s%s%n", args[0], result.records(),
                result.directory(), result.seconds(), result.cached() ? " (up to date, kept)" : "");
        result.notes().forEach(note -> System.out.println("  " + note));
    }

    private static String arg(String[] args, int index, String fallback) {
        return args.length > index ? args[index] : fallback;
    }
}
