package dateline.media;

import dateline.common.problem.InvalidParameter;

/** The point a crop keeps in view, as fractions of the upright image's width and height from the top left. */
record Focus(double x, double y) {
    static final Focus CENTRE = new Focus(0.5, 0.5);

    /** "0.5,0.3" as sent in the {@code focus} parameter; absent, the centre. */
    static Focus parse(String text) {
        if (text == null || text.isBlank()) {
            return CENTRE;
        }
        String[] parts = text.split(",");
        try {
            if (parts.length == 2) {
                double x = Double.parseDouble(parts[0].strip());
                double y = Double.parseDouble(parts[1].strip());
                if (x >= 0 && x <= 1 && y >= 0 && y <= 1) {
                    return new Focus(x, y);
                }
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new InvalidParameter("focus", "must be two fractions from 0 to 1, x then y from the top left, such as 0.5,0.3");
    }
}
