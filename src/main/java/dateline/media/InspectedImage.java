package dateline.media;

/**
 * What an upload turned out to be: its real format, its size as shown (EXIF orientation applied) and
 * the orientation renditions apply.
 */
record InspectedImage(ImageFormat format, int width, int height, int orientation) {
}
