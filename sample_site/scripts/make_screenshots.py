"""Draw the small dashboard mock-ups used as screenshots in the Tidepool docs.

The docs site is a sample for llmsdocs: its images must be real PNG files with alt text,
but a real product screenshot cannot exist for a made-up product. These mock-ups are drawn
with Pillow so they can be regenerated (``python scripts/make_screenshots.py``) and stay a
few kilobytes each (palette mode, no antialiasing noise).
"""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw

ASSETS = Path(__file__).resolve().parent.parent / "docs" / "assets"
TEAL = (0, 137, 123)
INK = (38, 50, 56)
MUTED = (120, 144, 156)
LINE = (207, 216, 220)
ON = (67, 160, 71)
OFF = (176, 190, 197)


def _toggle(draw: ImageDraw.ImageDraw, x: int, y: int, on: bool) -> None:
    """A switch like the dashboard's, knob right when on."""
    draw.rounded_rectangle((x, y, x + 34, y + 18), radius=9, fill=ON if on else OFF)
    knob = x + 17 if on else x + 1
    draw.ellipse((knob, y + 1, knob + 16, y + 17), fill=(255, 255, 255))


def flag_list() -> Image.Image:
    """The Flags page of a project: one row per flag with its production state."""
    img = Image.new("RGB", (480, 220), (255, 255, 255))
    draw = ImageDraw.Draw(img)
    draw.rectangle((0, 0, 480, 36), fill=TEAL)
    draw.text((14, 12), "Tidepool   Web app  /  Flags", fill=(255, 255, 255))
    draw.text((380, 12), "production v", fill=(255, 255, 255))
    draw.text((14, 50), "KEY", fill=MUTED)
    draw.text((200, 50), "TYPE", fill=MUTED)
    draw.text((290, 50), "UPDATED", fill=MUTED)
    draw.text((410, 50), "STATE", fill=MUTED)
    rows = [
        ("new-checkout", "boolean", "2 hours ago", True),
        ("checkout-button-color", "string", "yesterday", True),
        ("search-v2", "boolean", "3 days ago", False),
        ("max-upload-mb", "number", "last week", True),
    ]
    for i, (key, kind, updated, on) in enumerate(rows):
        y = 70 + i * 36
        draw.line((10, y, 470, y), fill=LINE)
        draw.text((14, y + 12), key, fill=INK)
        draw.text((200, y + 12), kind, fill=INK)
        draw.text((290, y + 12), updated, fill=MUTED)
        _toggle(draw, 410, y + 9, on)
    draw.line((10, 214, 470, 214), fill=LINE)
    return img


def targeting_rules() -> Image.Image:
    """A flag's targeting tab: two ordered rules above the default variation."""
    img = Image.new("RGB", (480, 190), (255, 255, 255))
    draw = ImageDraw.Draw(img)
    draw.rectangle((0, 0, 480, 36), fill=TEAL)
    draw.text((14, 12), "new-checkout  /  Targeting  (production)", fill=(255, 255, 255))
    boxes = [
        ("1  If plan is one of  pro, enterprise", "serve  true"),
        ("2  If user in segment  beta-testers", "serve  true"),
        ("Default  (no rule matched)", "roll out  20% true / 80% false"),
    ]
    for i, (cond, serve) in enumerate(boxes):
        y = 48 + i * 46
        draw.rounded_rectangle((10, y, 470, y + 38), radius=6, outline=LINE, width=2)
        draw.text((20, y + 6), cond, fill=INK)
        draw.text((20, y + 22), serve, fill=TEAL)
    return img


def main() -> None:
    for name, image in (
        ("dashboard-flags.png", flag_list()),
        ("targeting-rules.png", targeting_rules()),
    ):
        image.convert("P", palette=Image.Palette.ADAPTIVE, colors=16).save(
            ASSETS / name, optimize=True
        )


if __name__ == "__main__":
    main()
