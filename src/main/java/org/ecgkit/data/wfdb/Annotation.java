package org.ecgkit.data.wfdb;

import java.util.List;

/**
 * One annotation of a WFDB annotation file (annot(5)), e.g. a beat label.
 *
 * @param sample  the sample index it marks, counted from the start of the record
 * @param code    the annotation type code (1 = "N" normal beat, 5 = "V" PVC, ...; see {@link #symbol()})
 * @param subtype the "subtyp" field, 0 when not set
 * @param channel the "chan" field
 * @param number  the "num" field
 * @param aux     the auxiliary text (e.g. "(AFIB" for a rhythm change), or "" when there is none
 */
public record Annotation(long sample, int code, int subtype, int channel, int number, String aux) {

    /** Symbols of the standard codes (ecgcodes.h); index = code, "" where the code is unassigned. */
    private static final List<String> SYMBOLS = List.of(
            " ", "N", "L", "R", "a", "V", "F", "J", "A", "S", "E", "j", "/", "Q", "~", "", "|", "", "s", "T", "*",
            "D", "\"", "=", "p", "B", "^", "t", "+", "u", "?", "!", "[", "]", "e", "n", "@", "x", "f", "(", ")", "r");
    /** Codes above this are the file format's pseudo-annotations (SKIP, NUM, SUB, CHN, AUX). */
    public static final int MAX_CODE = 49;

    public Annotation {
        if (code < 1 || code > MAX_CODE) {
            throw new IllegalArgumentException("annotation code " + code + " at sample " + sample
                    + " is outside 1.." + MAX_CODE);
        }
        aux = aux == null ? "" : aux;
    }

    /** An annotation with a standard symbol, e.g. {@code Annotation.of(370, "N")}. */
    public static Annotation of(long sample, String symbol) {
        return new Annotation(sample, codeOf(symbol), 0, 0, 0, "");
    }

    public Annotation withAux(String text) {
        return new Annotation(sample, code, subtype, channel, number, text);
    }

    /** The standard symbol of this code, e.g. "N", "V", "+"; "[code]" for codes the standard leaves unassigned. */
    public String symbol() {
        String symbol = code < SYMBOLS.size() ? SYMBOLS.get(code) : "";
        return symbol.isEmpty() ? "[" + code + "]" : symbol;
    }

    public static int codeOf(String symbol) {
        int code = SYMBOLS.indexOf(symbol);
        if (code < 1) {
            throw new IllegalArgumentException("'" + symbol + "' is not a standard WFDB annotation symbol; known: "
                    + String.join("", SYMBOLS.subList(1, SYMBOLS.size())));
        }
        return code;
    }
}
