import PluginABI

/// Reads a plugin-written ABI struct that may be shorter (built against an older minor) or
/// longer (a newer minor, refused elsewhere) than the host's definition: only the bytes that
/// both sides know are copied, and fields the plugin's struct lacks read as zero.
enum ABIStruct {
    /// The struct at `pointer`, and the size the plugin declared for it.
    static func read<T>(_ pointer: UnsafeRawPointer, as type: T.Type) -> (value: T, declaredSize: Int) {
        let declared = Int(pointer.load(as: UInt32.self))
        let buffer = UnsafeMutableRawPointer.allocate(byteCount: MemoryLayout<T>.size, alignment: MemoryLayout<T>.alignment)
        defer { buffer.deallocate() }
        buffer.initializeMemory(as: UInt8.self, repeating: 0, count: MemoryLayout<T>.size)
        buffer.copyMemory(from: pointer, byteCount: min(declared, MemoryLayout<T>.size))
        return (buffer.load(as: T.self), declared)
    }

    /// The smallest size each struct may declare: its size in ABI 1.0. These numbers are frozen;
    /// when a later minor appends fields, MemoryLayout grows but these stay.
    static let minimumModuleSize = MemoryLayout<bearmon_module>.size
    /// bearmon_type's 1.0 size, up to and including user_data (1.3 appended timeout_param).
    static let minimumTypeSize = 64
    static let minimumParamSize = MemoryLayout<bearmon_param_spec>.size

    /// Bounds on what a descriptor may declare, checked before its arrays are read, so that a
    /// garbage count or size is refused instead of walking off the plugin's memory. Far above
    /// what a real plugin declares, far below what could hurt: the most types a module may register.
    static let maximumTypes: UInt32 = 64
    /// The most parameters one type may declare.
    static let maximumParams: UInt32 = 256
    /// The largest struct_size any ABI struct may declare, in bytes.
    static let maximumStructSize = 4_096
}
