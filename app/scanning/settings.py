"""A station's scanner settings: from its environment, from the station's row, or the defaults.

| variable | meaning | default |
| --- | --- | --- |
| `KENPIN_SCANNER_PORT` | serial scanner port (`/dev/ttyACM0`, `COM3`); none: keyboard only | |
| `KENPIN_SCANNER_BAUD` | serial speed | 9600 |
| `KENPIN_SCAN_KEY_GAP_MS` | longest pause between two keys of a wedge scan | 30 |
| `KENPIN_SCAN_MIN_LENGTH` | fewest characters of a wedge scan | 4 |
| `KENPIN_SCAN_TERMINATOR` | what ends a wedge scan: `enter`, `tab`, `enter-or-tab` | either |
| `KENPIN_SCAN_DEBOUNCE_MS` | the same code again within this time is dropped | 300 |
| `KENPIN_SCAN_GS` | what the scanner sends for the GS1 group separator | `<GS>` |

The four a supervisor tunes for a new scanner (gap, minimum length,
terminator, GS1 stand-in) are `ScanRules`, also kept per station in the
database (`stations.settings`, set on the scanner test page or with
`kenpin scanner`). An environment variable that is set wins over the
station's stored value, which wins over the default.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from app.core.errors import Refused
from app.scanning.bursts import Terminator
from app.scanning.normalize import InputSettings
from app.scanning.wedge import WedgeSettings

#: Each of `ScanRules`' settings and the environment variable that overrides it.
RULE_VARIABLES = {
    "key_gap_ms": "KENPIN_SCAN_KEY_GAP_MS",
    "min_length": "KENPIN_SCAN_MIN_LENGTH",
    "terminator": "KENPIN_SCAN_TERMINATOR",
    "gs1_standin": "KENPIN_SCAN_GS",
}


@dataclass(frozen=True, slots=True)
class ScanRules:
    """How a station tells a wedge scanner's keys from typing, and reads its codes.

    None leaves a setting to the next source (environment > station > default).
    """

    key_gap_ms: int | None = None
    min_length: int | None = None
    terminator: Terminator | None = None
    #: What the scanner sends for the GS1 group separator; "" turns the replacement off.
    gs1_standin: str | None = None

    def over(self, lower: ScanRules) -> ScanRules:
        """These rules, each unset one taken from `lower`."""
        return ScanRules(
            **{
                name: mine if (mine := getattr(self, name)) is not None else getattr(lower, name)
                for name in RULE_VARIABLES
            }
        )

    def set_names(self) -> frozenset[str]:
        """The names of the settings these rules set."""
        return frozenset(name for name in RULE_VARIABLES if getattr(self, name) is not None)

    def as_json(self) -> dict[str, Any]:
        """The settings that are set, as stored in `stations.settings`."""
        return {
            name: str(value) if isinstance(value, Terminator) else value
            for name in RULE_VARIABLES
            if (value := getattr(self, name)) is not None
        }

    def wedge(self, debounce_ms: int = InputSettings().debounce_ms) -> WedgeSettings:
        """The keyboard wedge's settings: these rules, the defaults for those unset."""
        rules = self.over(DEFAULT_RULES)
        assert rules.key_gap_ms is not None and rules.min_length is not None
        assert rules.terminator is not None and rules.gs1_standin is not None
        return WedgeSettings(
            key_gap_ms=rules.key_gap_ms,
            min_length=rules.min_length,
            terminators=rules.terminator.characters,
            codes=InputSettings(group_separator=rules.gs1_standin, debounce_ms=debounce_ms),
        )


#: What a station uses when neither its environment nor its row says otherwise.
DEFAULT_RULES = ScanRules(
    key_gap_ms=WedgeSettings().key_gap_ms,
    min_length=WedgeSettings().min_length,
    terminator=Terminator.ENTER_OR_TAB,
    gs1_standin=InputSettings().group_separator,
)


def rules_from_text(values: Mapping[str, str], names: Mapping[str, str]) -> ScanRules:
    """The rules `values` (setting -> text) give; a bad one is refused with its name from
    `names` (its variable, its option, its field)."""
    found: dict[str, Any] = {}
    for setting, text in values.items():
        name = names[setting]
        if setting in ("key_gap_ms", "min_length"):
            found[setting] = _whole_text(name, text.strip(), 1)
        elif setting == "terminator":
            choices = [str(choice) for choice in Terminator]
            if text.strip() not in choices:
                raise Refused(f"{name}: {text!r} is not one of {', '.join(choices)}")
            found[setting] = Terminator(text.strip())
        else:
            found[setting] = text
    return ScanRules(**found)


def rules_from_json(values: Mapping[str, Any], where: str) -> ScanRules:
    """The rules a station's stored settings hold; a bad value is refused naming `where`."""
    texts = {name: str(values[name]) for name in RULE_VARIABLES if values.get(name) is not None}
    return rules_from_text(texts, {name: f"{where}: {name}" for name in RULE_VARIABLES})


@dataclass(frozen=True, slots=True)
class ScannerSettings:
    """Everything a station needs to set up its scanners.

    `wedge` is what the environment and the defaults give; `from_env` the
    rules the environment sets, which `for_station` lays over a station's own.
    """

    wedge: WedgeSettings
    serial_port: str
    serial_baud: int
    from_env: ScanRules = field(default_factory=ScanRules)

    def for_station(self, stored: ScanRules) -> WedgeSettings:
        """The wedge's settings at a station that stored `stored`: environment first."""
        return self.from_env.over(stored).wedge(self.wedge.codes.debounce_ms)


def _whole_text(name: str, text: str, lowest: int) -> int:
    if not text.isdigit() or int(text) < lowest:
        raise Refused(f"{name}: {text!r} is not a whole number of at least {lowest}")
    return int(text)


def _whole(env: Mapping[str, str], name: str, default: int, lowest: int) -> int:
    text = env.get(name, "").strip()
    return _whole_text(name, text, lowest) if text else default


def _rules_from_env(env: Mapping[str, str]) -> ScanRules:
    texts = {
        setting: env[name]
        for setting, name in RULE_VARIABLES.items()
        # The stand-in may be set empty (no stand-in); the others count when they say something.
        if name in env and (setting == "gs1_standin" or env[name].strip())
    }
    return rules_from_text(texts, RULE_VARIABLES)


def scanner_settings(env: Mapping[str, str]) -> ScannerSettings:
    """The scanner settings `env` names; refused with the variable's name when one is bad."""
    from_env = _rules_from_env(env)
    debounce = _whole(env, "KENPIN_SCAN_DEBOUNCE_MS", InputSettings().debounce_ms, 0)
    return ScannerSettings(
        wedge=from_env.wedge(debounce),
        serial_port=env.get("KENPIN_SCANNER_PORT", "").strip(),
        serial_baud=_whole(env, "KENPIN_SCANNER_BAUD", 9600, 1),
        from_env=from_env,
    )
