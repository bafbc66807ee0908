package io.streampulse.streamer.encode;

import io.streampulse.streamer.encode.sps.SpsTimingRewriter;
import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.swscale.SwsContext;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.Pointer;
import org.bytedeco.javacpp.PointerPointer;

import java.util.List;
import java.util.Optional;

import static org.bytedeco.ffmpeg.global.avcodec.AV_PKT_FLAG_KEY;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_alloc_context3;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_find_encoder_by_name;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_free_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_open2;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_receive_packet;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_send_frame;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_alloc;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_free;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_unref;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_EAGAIN;
import static org.bytedeco.ffmpeg.global.avutil.AV_PICTURE_TYPE_I;
import static org.bytedeco.ffmpeg.global.avutil.AV_PICTURE_TYPE_NONE;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_BGR24;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV420P;
import static org.bytedeco.ffmpeg.global.avutil.av_dict_free;
import static org.bytedeco.ffmpeg.global.avutil.av_dict_set;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_alloc;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_free;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_get_buffer;
import static org.bytedeco.ffmpeg.global.avutil.av_make_q;
import static org.bytedeco.ffmpeg.global.avutil.av_strerror;
import static org.bytedeco.ffmpeg.global.swscale.SWS_AREA;
import static org.bytedeco.ffmpeg.global.swscale.SWS_POINT;
import static org.bytedeco.ffmpeg.global.swscale.sws_freeContext;
import static org.bytedeco.ffmpeg.global.swscale.sws_getContext;
import static org.bytedeco.ffmpeg.global.swscale.sws_scale;

/**
 * H.264 through libavcodec's libopenh264 (the LGPL FFmpeg build has no libx264): BGR24 pictures in, Annex B access
 * units out, one per picture (OpenH264 has no B-frames and no delay). swscale converts to YUV 4:2:0 and scales the
 * sub profile. Every SPS gets VUI timing and "no reordering" on its way out ({@link SpsTimingRewriter}), so the
 * stream, the kept keyframe and the SDP's sprop-parameter-sets all carry it. Not thread-safe: one frame-loop thread
 * calls it.
 */
public final class H264Encoder implements AutoCloseable {

    private final EncoderSettings settings;
    private final SpsTimingRewriter spsRewriter;
    private final AVCodec codec;
    private final boolean scaling;
    /** The native state: null after {@link #release()} until the next picture. */
    private AVCodecContext context;
    private SwsContext scaler;
    private AVFrame frame;
    private AVPacket packet;
    private BytePointer source;
    private PointerPointer<BytePointer> sourcePlanes;
    private IntPointer sourceStrides;
    private long lastPts = Long.MIN_VALUE;
    private boolean converted;
    private long convertedLayer = -1;
    private SwsContext bandScaler;
    private int bandRows;
    private AVFrame bandFrame;

    /** Opens the encoder now: a size or rate libopenh264 refuses fails here. */
    public H264Encoder(EncoderSettings settings) {
        this.settings = settings;
        this.spsRewriter = new SpsTimingRewriter(settings.frameRate());
        this.codec = avcodec_find_encoder_by_name("libopenh264");
        if (codec == null) {
            throw new IllegalStateException("FFmpeg has no libopenh264 encoder (the LGPL javacv natives include it)");
        }
        scaling = settings.width() != settings.sourceWidth() || settings.height() != settings.sourceHeight();
        open();
    }

    private void open() {
        if (context != null) {
            return;
        }
        AVCodecContext opening = avcodec_alloc_context3(codec);
        opening.width(settings.width());
        opening.height(settings.height());
        opening.pix_fmt(AV_PIX_FMT_YUV420P);
        opening.time_base(av_make_q(1, 1000));
        opening.framerate(av_make_q(settings.frameRate(), 1));
        opening.bit_rate(settings.bitRate());
        // keyframes are asked for explicitly (see encode); this only bounds the GOP if nobody asks
        opening.gop_size(600);
        opening.max_b_frames(0);
        AVDictionary options = new AVDictionary(null);
        av_dict_set(options, "allow_skip_frames", "0", 0);
        // no deblocking: on drawn text and flat colours it blurs edges (1080p dashboard keyframe: luma PSNR 42.1 dB
        // with it, 44.1 without; the unchanged P-frame after it 2,713 bytes with, 237 without) and costs a quarter
        // of the encoder's CPU per picture
        av_dict_set(options, "loopfilter", "0", 0);
        int opened = avcodec_open2(opening, codec, options);
        av_dict_free(options);
        if (opened < 0) {
            avcodec_free_context(opening); // a released encoder tries again with its next picture
        }
        check(opened, "opening libopenh264 at " + settings.width() + "x" + settings.height());
        context = opening;
        scaler = sws_getContext(settings.sourceWidth(), settings.sourceHeight(), AV_PIX_FMT_BGR24, settings.width(),
                settings.height(), AV_PIX_FMT_YUV420P, scaling ? SWS_AREA : SWS_POINT, null, null,
                (DoublePointer) null);
        frame = av_frame_alloc();
        frame.format(AV_PIX_FMT_YUV420P);
        frame.width(settings.width());
        frame.height(settings.height());
        check(av_frame_get_buffer(frame, 0), "allocating a frame");
        packet = av_packet_alloc();
        source = new BytePointer(sourceBytes());
        sourcePlanes = new PointerPointer<>(1);
        sourcePlanes.put(0, source);
        sourceStrides = new IntPointer(1).put(0, settings.sourceWidth() * 3);
    }

    private long sourceBytes() {
        return (long) settings.sourceWidth() * settings.sourceHeight() * 3;
    }

    public EncoderSettings settings() {
        return settings;
    }

    /**
     * Encodes one BGR24 picture of the source size.
     *
     * @param keyframe force an IDR (OpenH264 then repeats SPS and PPS in front of it)
     */
    public AccessUnit encode(byte[] bgr, long ptsMillis, boolean keyframe) {
        return encode(Picture.whole(bgr), ptsMillis, keyframe);
    }

    /**
     * Encodes a picture, converting only its changing rows when the last one converted was drawn on the same layer
     * and no scaling is involved (copying 6 MB to native memory and converting all of 1080p was a fifth of the frame
     * loop's time once drawing was cached).
     */
    public AccessUnit encode(Picture picture, long ptsMillis, boolean keyframe) {
        byte[] bgr = picture.bgr();
        if (bgr.length != sourceBytes()) {
            throw new IllegalArgumentException("picture has " + bgr.length + " bytes, expected " + sourceBytes());
        }
        open();
        int stride = settings.sourceWidth() * 3;
        int rows = Math.min(settings.sourceHeight(), (picture.changingRows() + 1) & ~1); // 4:2:0: even rows
        boolean sameLayer = converted && picture.layer() >= 0 && picture.layer() == convertedLayer;
        Optional<ScaledBand> scaledBand = scaling && sameLayer
                ? ScaledBand.of(settings.sourceHeight(), settings.height(), rows) : Optional.empty();
        if (!scaling && sameLayer && rows > 0 && rows < settings.sourceHeight()) {
            source.position(0).put(bgr, 0, rows * stride);
            sws_scale(band(rows, rows), sourcePlanes, sourceStrides, 0, rows, frame.data(), frame.linesize());
        } else if (scaledBand.isPresent()) {
            scaleBand(bgr, scaledBand.get());
        } else {
            source.position(0).put(bgr);
            sws_scale(scaler, sourcePlanes, sourceStrides, 0, settings.sourceHeight(), frame.data(),
                    frame.linesize());
        }
        converted = true;
        convertedLayer = picture.layer();
        return encodeFrame(ptsMillis, keyframe);
    }

    /**
     * A converter for the top {@code rows} rows alone into {@code scaledRows} rows (a whole picture to swscale, so no
     * slice state), with the whole picture's filter.
     */
    private SwsContext band(int rows, int scaledRows) {
        if (bandScaler == null || bandRows != rows) {
            sws_freeContext(bandScaler);
            bandScaler = sws_getContext(settings.sourceWidth(), rows, AV_PIX_FMT_BGR24, settings.width(), scaledRows,
                    AV_PIX_FMT_YUV420P, scaling ? SWS_AREA : SWS_POINT, null, null, (DoublePointer) null);
            bandRows = rows;
        }
        return bandScaler;
    }

    /**
     * Scales the band into a frame of its own and copies its kept rows over the last picture's (scaling 1080p to
     * 720p whole was 6.8 ms of CPU per picture, most of the sub profile's cost besides OpenH264).
     */
    private void scaleBand(byte[] bgr, ScaledBand band) {
        if (bandFrame == null || bandFrame.height() != band.scaledRows()) {
            if (bandFrame != null) {
                av_frame_free(bandFrame);
            }
            bandFrame = av_frame_alloc();
            bandFrame.format(AV_PIX_FMT_YUV420P);
            bandFrame.width(settings.width());
            bandFrame.height(band.scaledRows());
            check(av_frame_get_buffer(bandFrame, 0), "allocating a band frame");
        }
        source.position(0).put(bgr, 0, band.sourceRows() * settings.sourceWidth() * 3);
        sws_scale(band(band.sourceRows(), band.scaledRows()), sourcePlanes, sourceStrides, 0, band.sourceRows(),
                bandFrame.data(), bandFrame.linesize());
        for (int plane = 0; plane < 3; plane++) {
            int rows = plane == 0 ? band.keptRows() : band.keptRows() / 2;
            for (int row = 0; row < rows; row++) {
                Pointer.memcpy(frame.data(plane).position((long) row * frame.linesize(plane)),
                        bandFrame.data(plane).position((long) row * bandFrame.linesize(plane)),
                        Math.min(frame.linesize(plane), bandFrame.linesize(plane)));
            }
        }
    }

    /**
     * Encodes the last picture again (no conversion): an unchanged P-frame of a few hundred bytes, for a client
     * that needs more frames than the stream has cached (see {@code MediaStream}).
     */
    public AccessUnit repeat(long ptsMillis) {
        if (!converted) {
            throw new IllegalStateException("nothing encoded yet to repeat");
        }
        return encodeFrame(ptsMillis, false);
    }

    private AccessUnit encodeFrame(long ptsMillis, boolean keyframe) {
        long pts = Math.max(ptsMillis, lastPts + 1);
        lastPts = pts;
        frame.pts(pts);
        frame.pict_type(keyframe ? AV_PICTURE_TYPE_I : AV_PICTURE_TYPE_NONE);
        check(avcodec_send_frame(context, frame), "encoding a frame");
        byte[] stream = new byte[0];
        boolean key = false;
        while (true) {
            int received = avcodec_receive_packet(context, packet);
            if (received == AVERROR_EAGAIN()) {
                break;
            }
            check(received, "reading an encoded packet");
            byte[] bytes = new byte[packet.size()];
            packet.data().get(bytes);
            key |= (packet.flags() & AV_PKT_FLAG_KEY) != 0;
            stream = concat(stream, bytes);
            av_packet_unref(packet);
        }
        List<byte[]> nals = AnnexB.split(stream).stream()
                .map(nal -> AnnexB.type(nal) == AnnexB.NAL_SPS ? spsRewriter.rewrite(nal) : nal).toList();
        key |= nals.stream().anyMatch(nal -> AnnexB.type(nal) == AnnexB.NAL_IDR);
        // the pts actually used: units drawn within the same millisecond still get distinct RTP timestamps
        return new AccessUnit(nals, key, pts);
    }

    /**
     * Frees the native state (at 1080p the codec context, the YUV frame and the BGR copy hold about 26 MB, the 720p
     * sub profile 13 MB) while nobody plays this profile; the next picture opens it again and is a keyframe with the
     * same SPS and PPS, which a client attaching to a stale stream needs anyway.
     */
    public void release() {
        if (context == null) {
            return;
        }
        avcodec_free_context(context);
        sws_freeContext(scaler);
        sws_freeContext(bandScaler);
        av_frame_free(frame);
        if (bandFrame != null) {
            av_frame_free(bandFrame);
        }
        av_packet_free(packet);
        source.close();
        sourcePlanes.close();
        sourceStrides.close();
        context = null;
        scaler = null;
        bandScaler = null;
        bandRows = 0;
        bandFrame = null;
        frame = null;
        packet = null;
        source = null;
        sourcePlanes = null;
        sourceStrides = null;
        converted = false;
        convertedLayer = -1;
    }

    @Override
    public void close() {
        release();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] joined = new byte[a.length + b.length];
        System.arraycopy(a, 0, joined, 0, a.length);
        System.arraycopy(b, 0, joined, a.length, b.length);
        return joined;
    }

    private static void check(int result, String what) {
        if (result < 0) {
            byte[] text = new byte[256];
            av_strerror(result, text, text.length);
            throw new IllegalStateException(what + " failed: " + new String(text).trim() + " (" + result + ")");
        }
    }
}
