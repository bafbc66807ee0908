package io.streampulse.streamer.onvif.device;

import io.streampulse.streamer.onvif.soap.Xml;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

/**
 * tds:SystemDateAndTime: NTP (the host keeps the clock), UTC and local time in the suite's timezone. The TZ is the
 * POSIX form of the current offset (e.g. {@code UTC-01:00} for +01:00, POSIX signs are inverted).
 */
final class SystemDateAndTimeXml {

    private SystemDateAndTimeXml() {
    }

    static String render(Instant now, ZoneId zone) {
        ZonedDateTime local = now.atZone(zone);
        Xml xml = Xml.create().open("tds:SystemDateAndTime")
                .text("tt:DateTimeType", "NTP")
                .text("tt:DaylightSavings", zone.getRules().isDaylightSavings(now))
                .open("tt:TimeZone").text("tt:TZ", posix(local.getOffset())).close("tt:TimeZone");
        dateTime(xml, "tt:UTCDateTime", now.atZone(ZoneOffset.UTC));
        dateTime(xml, "tt:LocalDateTime", local);
        return xml.close("tds:SystemDateAndTime").toString();
    }

    private static void dateTime(Xml xml, String element, ZonedDateTime time) {
        xml.open(element)
                .open("tt:Time").text("tt:Hour", time.getHour()).text("tt:Minute", time.getMinute())
                .text("tt:Second", time.getSecond()).close("tt:Time")
                .open("tt:Date").text("tt:Year", time.getYear()).text("tt:Month", time.getMonthValue())
                .text("tt:Day", time.getDayOfMonth()).close("tt:Date")
                .close(element);
    }

    static String posix(ZoneOffset offset) {
        int seconds = -offset.getTotalSeconds();
        String sign = seconds < 0 ? "-" : "+";
        int abs = Math.abs(seconds);
        return "UTC" + sign + String.format("%02d:%02d", abs / 3600, abs / 60 % 60);
    }
}
