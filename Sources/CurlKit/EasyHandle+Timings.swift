import CCurl

extension EasyHandle {
    /// The handle's timings so far; usable after a failed transfer too.
    package var timings: CurlTimings {
        func ms(_ item: CURLINFO) -> Double { Double((try? info(offset: item)) ?? 0) / 1000 }
        var timings = CurlTimings()
        timings.nameLookup = ms(CURLINFO_NAMELOOKUP_TIME_T)
        timings.connect = ms(CURLINFO_CONNECT_TIME_T)
        timings.tlsHandshake = ms(CURLINFO_APPCONNECT_TIME_T)
        timings.firstByte = ms(CURLINFO_STARTTRANSFER_TIME_T)
        timings.total = ms(CURLINFO_TOTAL_TIME_T)
        return timings
    }
}
