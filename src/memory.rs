//! An allocator that wipes memory as it is freed. A kiosk serves one patient
//! after another in one process: when a session is wiped, its answers,
//! drafts, summaries and every temporary copy made while rendering or saving
//! them are freed, and this makes sure that freed heap keeps none of it.

use std::alloc::{GlobalAlloc, Layout, System};

use zeroize::Zeroize;

/// The system allocator, wiping each block before it is freed or moved.
pub struct Wiping;

// SAFETY: every method hands the system allocator exactly the layouts it
// was given, and touches a block only while it is still allocated.
unsafe impl GlobalAlloc for Wiping {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        unsafe { System.alloc(layout) }
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        unsafe { System.alloc_zeroed(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // Volatile writes (zeroize): a plain memset before free may be
        // optimised away.
        unsafe {
            std::slice::from_raw_parts_mut(ptr, layout.size()).zeroize();
            System.dealloc(ptr, layout)
        }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // The system's realloc may move the block and free the old one
        // unwiped: move it here instead.
        unsafe {
            let new_layout = Layout::from_size_align_unchecked(new_size, layout.align());
            let new = System.alloc(new_layout);
            if !new.is_null() {
                std::ptr::copy_nonoverlapping(ptr, new, layout.size().min(new_size));
                self.dealloc(ptr, layout);
            }
            new
        }
    }
}
