package dateline.media;

/** A crop's shape, width:height in small whole numbers as editors say it (16:9), from the configured set. */
record AspectRatio(int width, int height) {

    /** The ratio {@code text} names ("16:9"), or null when it is not of that form. */
    static AspectRatio parse(String text) {
        String[] parts = text.strip().split(":");
        if (parts.length != 2 || !parts[0].matches("[1-9][0-9]{0,2}") || !parts[1].matches("[1-9][0-9]{0,2}")) {
            return null;
        }
        return new AspectRatio(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]));
    }

    /** The height of a crop {@code w} wide. */
    int heightFor(int w) {
        return Math.max(1, Math.round((float) w * height / width));
    }

    @Override
    public String toString() {
        return width + ":" + height;
    }

    /** As it appears in a file name. */
    String fileToken() {
        return width + "x" + height;
    }
}
