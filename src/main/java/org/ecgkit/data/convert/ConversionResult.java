package org.ecgkit.data.convert;

import java.nio.file.Path;
import java.util.List;

import org.ecgkit.data.EcgDataset;

/**
 * What a conversion into the kit's dataset layout did.
 *
 * @param directory the dataset folder
 * @param records   rows written (for windowed data: windows)
 * @param cached    true when an up-to-date earlier conversion was kept and nothing was read
 * @param notes     what was dropped or odd, one sentence each (e.g. "12 records have no superdiagnostic label")
 * @param seconds   wall time of this call
 */
public record ConversionResult(Path directory, int records, boolean cached, List<String> notes, double seconds) {

    public ConversionResult {
        notes = List.copyOf(notes);
    }

    /** Opens the converted dataset. */
    public EcgDataset open() {
        return EcgDataset.open(directory);
    }
}
