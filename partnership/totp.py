import segno


def qr_code_svg(otpauth_url: str) -> str:
    """An inline SVG QR code for an authenticator app (no network, no image files)."""
    return segno.make(otpauth_url, error="m").svg_inline(scale=5, title="QR code for your authenticator app")
