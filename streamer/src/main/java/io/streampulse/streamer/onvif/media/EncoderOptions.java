package io.streampulse.streamer.onvif.media;

import java.util.List;

/**
 * What SetVideoEncoderConfiguration accepts for one configuration (GetVideoEncoderConfigurationOptions says the
 * same): one of the resolutions and values within the ranges.
 *
 * @param resolutions width, height pairs, largest first
 */
public record EncoderOptions(List<int[]> resolutions, Range quality, Range frameRate, Range encodingInterval,
                             Range bitrateKbps, Range govLength) {

    public record Range(int min, int max) {
        public boolean contains(int value) {
            return value >= min && value <= max;
        }
    }

    public boolean offers(int width, int height) {
        return resolutions.stream().anyMatch(size -> size[0] == width && size[1] == height);
    }

    /** The main profile: its configured size only. */
    public static EncoderOptions main(int width, int height) {
        return of(List.of(new int[] {width, height}));
    }

    /**
     * The sub profile: common sizes of at most 1280×720 that are not larger than the main picture, from 720p down
     * to D1 and 640×360 (CHEKT's bridge picks one below 720p and at least D1), plus the default sub size.
     */
    public static EncoderOptions sub(int mainWidth, int mainHeight, int defaultWidth, int defaultHeight) {
        int[][] common = {{1280, 720}, {1024, 576}, {960, 540}, {800, 450}, {720, 576}, {720, 480}, {704, 576},
                {704, 480}, {640, 480}, {640, 360}};
        List<int[]> sizes = new java.util.ArrayList<>();
        sizes.add(new int[] {defaultWidth, defaultHeight});
        for (int[] size : common) {
            boolean fits = size[0] <= mainWidth && size[1] <= mainHeight;
            boolean isDefault = size[0] == defaultWidth && size[1] == defaultHeight;
            if (fits && !isDefault) {
                sizes.add(size);
            }
        }
        return of(sizes);
    }

    private static EncoderOptions of(List<int[]> sizes) {
        return new EncoderOptions(List.copyOf(sizes), new Range(1, 10), new Range(1, 30), new Range(1, 1),
                new Range(64, 16_384), new Range(1, 600));
    }
}
