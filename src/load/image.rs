//! Images are what their extension says and decode (AR312).
//!
//! [`verify_image`] recognises the file by its first bytes the way the PDF build does
//! (`src/render/pdf/data.rs`), requires that to agree with the extension, and then decodes it
//! with Typst's own decoders — [`RasterImage`] for PNG, JPEG, GIF and WebP, [`SvgImage`] for
//! SVG — so that an image that passes here does not fail the build. (The build decodes SVG
//! with the report's fonts for text inside the drawing; whether it decodes does not depend on
//! them.)

use crate::tr;

use std::fmt;

use typst::diag::LoadedWithin;
use typst::foundations::Bytes;
use typst::loading::{LoadSource, Loaded};
use typst::syntax::{Span, Spanned};
use typst::visualize::{ExchangeFormat, RasterImage, SvgImage};

/// An image format the PDF build takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ImageFormat {
    /// PNG.
    Png,
    /// JPEG.
    Jpeg,
    /// GIF (printed as its first frame).
    Gif,
    /// WebP.
    Webp,
    /// SVG.
    Svg,
}

impl ImageFormat {
    /// The format an extension (without the dot, any case) stands for.
    pub fn from_extension(extension: &str) -> Option<Self> {
        match extension.trim_start_matches('.').to_ascii_lowercase().as_str() {
            "png" => Some(ImageFormat::Png),
            "jpg" | "jpeg" => Some(ImageFormat::Jpeg),
            "gif" => Some(ImageFormat::Gif),
            "webp" => Some(ImageFormat::Webp),
            "svg" => Some(ImageFormat::Svg),
            _ => None,
        }
    }

    /// The format of a file by its first bytes, as the PDF build recognises it.
    pub fn detect(bytes: &[u8]) -> Option<Self> {
        let head = &bytes[..bytes.len().min(4096)];
        if head.starts_with(b"\x89PNG\r\n\x1a\n") {
            Some(ImageFormat::Png)
        } else if head.starts_with(&[0xff, 0xd8, 0xff]) {
            Some(ImageFormat::Jpeg)
        } else if head.starts_with(b"GIF87a") || head.starts_with(b"GIF89a") {
            Some(ImageFormat::Gif)
        } else if head.starts_with(b"RIFF") && head.get(8..12) == Some(b"WEBP") {
            Some(ImageFormat::Webp)
        } else {
            let text = String::from_utf8_lossy(head);
            let text = text.trim_start_matches('\u{feff}').trim_start();
            (text.starts_with('<') && text.contains("<svg")).then_some(ImageFormat::Svg)
        }
    }

    /// The name for messages.
    pub fn name(self) -> &'static str {
        match self {
            ImageFormat::Png => "PNG",
            ImageFormat::Jpeg => "JPEG",
            ImageFormat::Gif => "GIF",
            ImageFormat::Webp => "WebP",
            ImageFormat::Svg => "SVG",
        }
    }

    /// The usual extension.
    pub fn extension(self) -> &'static str {
        match self {
            ImageFormat::Png => "png",
            ImageFormat::Jpeg => "jpg",
            ImageFormat::Gif => "gif",
            ImageFormat::Webp => "webp",
            ImageFormat::Svg => "svg",
        }
    }
}

/// What a good image is.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ImageInfo {
    /// Its format.
    pub format: ImageFormat,
    /// Width in pixels (SVG: in its own units).
    pub width: f64,
    /// Height in pixels (SVG: in its own units).
    pub height: f64,
}

/// Why an image cannot go into the report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImageProblem {
    /// The extension is not one of png, jpg, jpeg, gif, webp, svg.
    Extension(String),
    /// The file is empty.
    Empty,
    /// The file is not an image at all (e.g. a text file named `.png`).
    NotAnImage {
        /// The format its extension promises.
        expected: ImageFormat,
        /// What it looks like instead, if recognisable.
        looks_like: Option<String>,
    },
    /// The file is another image format than its extension says.
    Mismatch {
        /// The format its extension promises.
        expected: ImageFormat,
        /// The format it is.
        found: ImageFormat,
    },
    /// The file is of the right format but cannot be decoded (truncated, corrupt, too large).
    Undecodable {
        /// Its format.
        format: ImageFormat,
        /// The decoder's reason.
        reason: String,
    },
}

impl fmt::Display for ImageProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ImageProblem::Extension(ext) => f.write_str(&tr!(fix_image_extension, ext = ext)),
            ImageProblem::Empty => f.write_str(&tr!(fix_image_empty)),
            ImageProblem::NotAnImage { expected, looks_like: Some(what) } => f.write_str(&tr!(
                fix_image_not_an_image_like,
                format = expected.name(),
                what = what
            )),
            ImageProblem::NotAnImage { expected, looks_like: None } => {
                f.write_str(&tr!(fix_image_not_an_image, format = expected.name()))
            }
            ImageProblem::Mismatch { expected, found } => f.write_str(&tr!(
                fix_image_mismatch,
                format = expected.name(),
                found = found.name()
            )),
            ImageProblem::Undecodable { format, reason } => {
                f.write_str(&tr!(fix_image_undecodable, format = format.name(), reason = reason))
            }
        }
    }
}

impl std::error::Error for ImageProblem {}

impl ImageProblem {
    /// How to fix it.
    pub fn hint(&self) -> String {
        match self {
            ImageProblem::Extension(_) | ImageProblem::NotAnImage { .. } => {
                tr!(load_export_the_picture_as_png)
            }
            ImageProblem::Empty => tr!(load_copy_the_image_file_again),
            ImageProblem::Mismatch { found, .. } => {
                tr!(load_rename_the_file_to_end, extension = found.extension())
            }
            ImageProblem::Undecodable { .. } => {
                tr!(load_open_the_image_in_an)
            }
        }
    }
}

fn looks_like(bytes: &[u8]) -> Option<String> {
    let head = &bytes[..bytes.len().min(1024)];
    if head.starts_with(b"%PDF-") {
        Some(tr!(load2_a_pdf))
    } else if head.starts_with(b"PK\x03\x04") {
        Some(tr!(load2_an_office_document_or_a))
    } else if head.starts_with(b"II*\0") || head.starts_with(b"MM\0*") {
        Some(tr!(load2_a_tiff_image_which_the))
    } else if head.starts_with(b"BM") {
        Some(tr!(load2_a_bmp_image_which_the))
    } else if head.get(4..12).is_some_and(|b| b.starts_with(b"ftyp")) {
        Some(tr!(load2_a_heic_photo_from_an))
    } else if std::str::from_utf8(head).is_ok() || head.utf8_chunks().count() == 1 {
        Some(tr!(load2_text))
    } else {
        None
    }
}

/// Checks that `bytes` are an image of the format `extension` names and decodes them the way
/// the PDF build will.
pub fn verify_image(bytes: &[u8], extension: &str) -> Result<ImageInfo, ImageProblem> {
    let Some(expected) = ImageFormat::from_extension(extension) else {
        return Err(ImageProblem::Extension(extension.trim_start_matches('.').to_string()));
    };
    if bytes.is_empty() {
        return Err(ImageProblem::Empty);
    }
    let Some(found) = ImageFormat::detect(bytes) else {
        return Err(ImageProblem::NotAnImage { expected, looks_like: looks_like(bytes) });
    };
    if found != expected {
        return Err(ImageProblem::Mismatch { expected, found });
    }
    let data = Bytes::new(bytes.to_vec());
    let undecodable = |reason: String| ImageProblem::Undecodable { format: found, reason };
    let raster = |format: ExchangeFormat| {
        RasterImage::plain(data.clone(), format)
            .map(|image| ImageInfo {
                format: found,
                width: f64::from(image.width()),
                height: f64::from(image.height()),
            })
            .map_err(|e| undecodable(e.to_string()))
    };
    match found {
        ImageFormat::Png => raster(ExchangeFormat::Png),
        ImageFormat::Jpeg => raster(ExchangeFormat::Jpg),
        ImageFormat::Gif => raster(ExchangeFormat::Gif),
        ImageFormat::Webp => raster(ExchangeFormat::Webp),
        ImageFormat::Svg => match SvgImage::new(data.clone()) {
            Ok(svg) => Ok(ImageInfo { format: found, width: svg.width(), height: svg.height() }),
            Err(e) => {
                let loaded = Loaded::new(Spanned::new(LoadSource::Bytes, Span::detached()), data);
                Err(undecodable(e.within(&loaded).message.to_string()))
            }
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A valid 1×1 PNG (a red pixel).
    const PNG: &[u8] = &[
        0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44,
        0x52, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x02, 0x00, 0x00, 0x00, 0x90,
        0x77, 0x53, 0xDE, 0x00, 0x00, 0x00, 0x0C, 0x49, 0x44, 0x41, 0x54, 0x08, 0xD7, 0x63, 0xF8,
        0xCF, 0xC0, 0x00, 0x00, 0x03, 0x01, 0x01, 0x00, 0x18, 0xDD, 0x8D, 0xB0, 0x00, 0x00, 0x00,
        0x00, 0x49, 0x45, 0x4E, 0x44, 0xAE, 0x42, 0x60, 0x82,
    ];

    const SVG: &str = r#"<svg xmlns="http://www.w3.org/2000/svg" width="40" height="20"><rect width="40" height="20" fill="red"/></svg>"#;

    #[test]
    fn good_images_pass_with_their_size() {
        let info = verify_image(PNG, "png").expect("valid PNG");
        assert_eq!((info.format, info.width, info.height), (ImageFormat::Png, 1.0, 1.0));
        assert_eq!(verify_image(PNG, "PNG").map(|i| i.format), Ok(ImageFormat::Png));
        let info = verify_image(SVG.as_bytes(), "svg").expect("valid SVG");
        assert_eq!((info.width, info.height), (40.0, 20.0));
    }

    #[test]
    fn a_text_file_named_png_fails() {
        let e = verify_image(b"this is not an image\n", "png").expect_err("text");
        assert_eq!(
            e,
            ImageProblem::NotAnImage {
                expected: ImageFormat::Png,
                looks_like: Some("text".into())
            }
        );
        assert!(e.to_string().contains("looks like text"), "{e}");
    }

    #[test]
    fn wrong_extension_and_unknown_extension() {
        assert_eq!(
            verify_image(PNG, "jpg"),
            Err(ImageProblem::Mismatch { expected: ImageFormat::Jpeg, found: ImageFormat::Png })
        );
        assert_eq!(verify_image(PNG, "bmp"), Err(ImageProblem::Extension("bmp".into())));
        assert_eq!(verify_image(b"", "png"), Err(ImageProblem::Empty));
        assert_eq!(
            verify_image(b"%PDF-1.7\n", "png").expect_err("pdf"),
            ImageProblem::NotAnImage {
                expected: ImageFormat::Png,
                looks_like: Some("a PDF".into())
            }
        );
    }

    #[test]
    fn truncated_and_broken_images_fail_to_decode() {
        let e = verify_image(&PNG[..40], "png").expect_err("truncated");
        assert!(matches!(e, ImageProblem::Undecodable { format: ImageFormat::Png, .. }), "{e}");
        let e = verify_image(b"\xff\xd8\xff\xe0garbage", "jpeg").expect_err("broken JPEG");
        assert!(matches!(e, ImageProblem::Undecodable { format: ImageFormat::Jpeg, .. }), "{e}");
        let e = verify_image(b"<svg><rect", "svg").expect_err("broken SVG");
        assert!(matches!(e, ImageProblem::Undecodable { format: ImageFormat::Svg, .. }), "{e}");
    }
}
