package org.ecgkit.synth;

/** The rhythms the synthetic generator draws, each a class of the embedded dataset. */
public enum Rhythm {
    /** Normal sinus rhythm, 60–95 bpm with physiological heart-rate variability. */
    NORMAL("NORM", "normal sinus rhythm"),
    /** Atrial fibrillation: irregularly irregular RR intervals, no P waves, a 4–9 Hz fibrillatory baseline. */
    AF("AF", "atrial fibrillation"),
    /** Sinus bradycardia, 38–55 bpm. */
    BRADY("BRADY", "sinus bradycardia"),
    /** Sinus tachycardia, 105–160 bpm. */
    TACHY("TACHY", "sinus tachycardia"),
    /** Sinus rhythm with premature ventricular contractions: early, wide beats without P wave, compensatory pause. */
    PVC("PVC", "premature ventricular contractions");

    private final String code;
    private final String description;

    Rhythm(String code, String description) {
        this.code = code;
        this.description = description;
    }

    /** Short class name used in datasets, e.g. {@code AF}. */
    public String code() {
        return code;
    }

    public String description() {
        return description;
    }
}
