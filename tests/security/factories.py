import factory
from django_otp.oath import totp
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from security.models import AuditEvent, AuditKind

PROXY = "10.0.0.1"


class TOTPDeviceFactory(factory.django.DjangoModelFactory):
    """An authenticator app, enrolled and confirmed."""

    class Meta:
        model = TOTPDevice

    name = "default"
    confirmed = True


class AuditEventFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AuditEvent

    kind = AuditKind.SIGN_IN
    username = "someone"
    address = "192.0.2.1"


def backup_codes(user, codes: list[str]) -> StaticDevice:
    device = StaticDevice.objects.create(user=user, name="backup", confirmed=True)
    for code in codes:
        StaticToken.objects.create(device=device, token=code)
    return device


def current_code(device: TOTPDevice) -> str:
    """The six digits the user's authenticator app shows now."""
    return str(totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits)).zfill(device.digits)


def through_proxy(client_ip: str, sent: str = "") -> dict[str, str]:
    """Request headers as the app sees them through the proxy; `sent` is whatever the client put in the header."""
    forwarded = f"{sent}, {client_ip}" if sent else client_ip
    return {"REMOTE_ADDR": PROXY, "HTTP_X_FORWARDED_FOR": forwarded}
