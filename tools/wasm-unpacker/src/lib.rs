//! The site's wasm unpacker: a small WebAssembly module (no imports; on wasm32 no standard library) that
//! unpacks the page's main wasm, which the release site ships LZMA-compressed (`*_bg.wasm.lzma`,
//! the `.lzma` format: a header with the settings, then the stream), because its code packs about
//! a sixth smaller that way than with the gzip a static host applies. `assets/unpack-wasm.js`
//! reserves room for the packed bytes, writes them there, calls [`unpack`] and copies the result
//! out; `scripts/tools/pack-wasm.mjs` builds this module and checks, at build time, that it gives
//! back the very bytes packed.
#![cfg_attr(target_arch = "wasm32", no_std)]

extern crate alloc;

use alloc::vec::Vec;
use core::sync::atomic::{AtomicUsize, Ordering};
use lzma_rust2::{LzmaReader, Read};

#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOCATOR: dlmalloc::GlobalDlmalloc = dlmalloc::GlobalDlmalloc;

/// A panic (none is expected: every failure is returned) stops the module at once.
#[cfg(target_arch = "wasm32")]
#[panic_handler]
fn panic(_: &core::panic::PanicInfo) -> ! {
    core::arch::wasm32::unreachable()
}

/// The largest dictionary accepted, in KiB (the packer uses the smallest power of two that holds
/// the whole wasm, 2 MiB today; a damaged header asking for more is refused, not allocated).
const DICTIONARY_LIMIT_KIB: u32 = 64 * 1024;

/// The length of the bytes the last [`unpack`] returned (0 after a failure).
static UNPACKED_LEN: AtomicUsize = AtomicUsize::new(0);

/// The whole `.lzma` stream `packed`, unpacked; `None` when it is not one.
pub fn unpack_bytes(packed: &[u8]) -> Option<Vec<u8>> {
    let mut reader = LzmaReader::new_mem_limit(packed, DICTIONARY_LIMIT_KIB, None).ok()?;
    let mut unpacked = Vec::with_capacity(packed.len() * 3);
    let mut chunk = [0u8; 64 * 1024];
    loop {
        match reader.read(&mut chunk) {
            Ok(0) => return Some(unpacked),
            Ok(n) => unpacked.extend_from_slice(&chunk[..n]),
            Err(_) => return None,
        }
    }
}

/// Reserves `len` bytes for the packed input and returns where to write them; [`unpack`] takes
/// them back.
#[no_mangle]
pub extern "C" fn reserve(len: usize) -> *mut u8 {
    let mut bytes = core::mem::ManuallyDrop::new(alloc::vec![0u8; len]);
    bytes.as_mut_ptr()
}

/// Unpacks the `len` packed bytes at `input` (reserved by [`reserve`] with the same `len`, and
/// freed here). Returns the address of the unpacked bytes, [`unpacked_len`] long, or 0 when the
/// input is not a whole `.lzma` stream.
///
/// # Safety
/// `input` and `len` must be what one call of [`reserve`] gave and was given.
#[no_mangle]
pub unsafe extern "C" fn unpack(input: *mut u8, len: usize) -> *const u8 {
    // SAFETY: `reserve` made this vector of `len` bytes, with capacity `len`, and forgot it.
    let packed = unsafe { Vec::from_raw_parts(input, len, len) };
    match unpack_bytes(&packed) {
        Some(unpacked) => {
            UNPACKED_LEN.store(unpacked.len(), Ordering::Relaxed);
            // Kept for the caller to copy out; the module is thrown away after one call.
            core::mem::ManuallyDrop::new(unpacked).as_ptr()
        }
        None => {
            UNPACKED_LEN.store(0, Ordering::Relaxed);
            core::ptr::null()
        }
    }
}

/// The length of what the last [`unpack`] returned.
#[no_mangle]
pub extern "C" fn unpacked_len() -> usize {
    UNPACKED_LEN.load(Ordering::Relaxed)
}

#[cfg(test)]
mod tests {
    use super::*;
    use lzma_rust2::Write;

    /// `data` in the `.lzma` format, as the site's packer writes it (unknown size, end marker).
    fn packed(data: &[u8]) -> Vec<u8> {
        let mut out = Vec::new();
        let options = lzma_rust2::LzmaOptions::with_preset(6);
        let mut writer = lzma_rust2::LzmaWriter::new_use_header(&mut out, &options, None).unwrap();
        writer.write_all(data).unwrap();
        writer.finish().unwrap();
        out
    }

    #[test]
    fn gives_back_the_bytes_packed() {
        let data: Vec<u8> = (0..300_000u32).map(|i| (i * 7 % 251) as u8 ^ (i >> 9) as u8).collect();
        for sample in [&b""[..], b"\0asm", &data] {
            assert_eq!(unpack_bytes(&packed(sample)).as_deref(), Some(sample));
        }
    }

    #[test]
    fn refuses_what_is_not_a_whole_stream() {
        let whole = packed(b"the page's wasm, or any bytes at all");
        assert_eq!(unpack_bytes(b""), None, "empty");
        assert_eq!(unpack_bytes(&whole[..whole.len() / 2]), None, "cut short");
        let mut huge_dictionary = whole.clone();
        huge_dictionary[1..5].copy_from_slice(&u32::MAX.to_le_bytes());
        assert_eq!(unpack_bytes(&huge_dictionary), None, "a dictionary over the limit");
    }

    #[test]
    fn the_exported_calls_hand_over_the_bytes() {
        let data = b"\0asm\x01\0\0\0 and the rest of a module".repeat(50);
        let whole = packed(&data);
        let input = reserve(whole.len());
        unsafe { std::ptr::copy_nonoverlapping(whole.as_ptr(), input, whole.len()) };
        let output = unsafe { unpack(input, whole.len()) };
        assert!(!output.is_null());
        assert_eq!(unsafe { std::slice::from_raw_parts(output, unpacked_len()) }, &data[..]);
        let garbage = reserve(3);
        assert!(unsafe { unpack(garbage, 3) }.is_null());
        assert_eq!(unpacked_len(), 0);
    }
}
