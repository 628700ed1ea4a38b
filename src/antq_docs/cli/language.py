"""The command line in the clerk's language: help texts, click's and typer's own words, and
a console that never fails on a Vietnamese letter.

Typer builds its click commands from the help strings each time the app runs; the command
it builds is translated before it runs (`localised_command`).
"""

from __future__ import annotations

import re
import sys

from ..i18n import N_, _, choose_language, use_language

# typer's own words, translated in its rich_utils module before each run.
TYPER_WORDS = {
    "ARGUMENTS_PANEL_TITLE": N_("Arguments"),
    "OPTIONS_PANEL_TITLE": N_("Options"),
    "COMMANDS_PANEL_TITLE": N_("Commands"),
    "ERRORS_PANEL_TITLE": N_("Error"),
    "ABORTED_TEXT": N_("Aborted."),
    "DEFAULT_STRING": N_("[default: {}]"),
    "REQUIRED_LONG_STRING": N_("[required]"),
    "RICH_HELP": N_("Try [blue]'{command_path} {help_option}'[/] for help."),
}


def prepare(argv: list[str]) -> str | None:
    """Choose the language from `--lang` in `argv` and the environment, and make the app and
    the console speak it. Returns a message when `--lang` names no language antq has."""
    explicit = split_lang(argv)[0]
    try:
        code = choose_language(explicit)
    except ValueError as exc:
        use_language(choose_language(None, {}))
        return _("--lang {value}: antq speaks vi (Tiếng Việt) and en (English)").format(
            value=exc.args[0]
        )
    use_language(code)
    return None


def localised_command(app):
    """The click command typer builds from `app`, with every help text, panel title and
    click message in the current language."""
    import typer.main

    command = typer.main.get_command(app)
    _localise(command)
    _translate_click_words()
    # rich costs ~60 ms to import: its words are set when typer imports it, if it does.
    _when_imported("typer.rich_utils", _translate_rich_utils)
    return command


# What a value is, in the clerk's words, instead of typer's `{plan}`, `<path>`, `<list[Path]>`:
# by parameter name, then (for -o) by command, then by type; a flag shows none.
METAVARS = {
    "plan": N_("PLAN.yaml"),
    "plans": N_("PLAN.yaml"),
    "file": N_("FILE.docx"),
    "files": N_("FILE.docx"),
    "kind": N_("KIND"),
    "source": N_("TABLE-OR-PLAN"),
    "province": N_("PROVINCE"),
    "org": N_("ORG.yaml"),
    "org_template": N_("ORG.yaml"),
    "snapshots": N_("FOLDER"),
    "profiles": N_("FOLDER"),
    "year": N_("YEAR"),
    "years": N_("YEARS"),
    "level": N_("LEVEL"),
    "name": N_("NAME"),
    "jobs": N_("NUMBER"),
    "rows": N_("ROWS"),
    "shard": N_("K/N"),
    "output_format": "text|json|sarif",
    "only": N_("RULES"),
    "basis": N_("BASIS"),
    "port": N_("PORT"),
    "folder": N_("FOLDER"),
}
OUTPUT_METAVARS = {
    "render": N_("FILE.docx"),
    "fix": N_("FILE.docx"),
    "new": N_("PLAN.yaml"),
    "import": N_("PLAN.yaml"),
    "batch": N_("FOLDER"),
}
_BY_TYPE = {"Path": N_("FILE"), "int": N_("NUMBER"), "str": N_("TEXT")}


def _localise(command) -> None:
    if command.help:
        command.help = _(command.help)
    if getattr(command, "options_metavar", None) == "[OPTIONS]":
        command.options_metavar = _("[OPTIONS]")
    if getattr(command, "subcommand_metavar", None) == "COMMAND [ARGS]...":
        command.subcommand_metavar = _("COMMAND [ARGS]...")
    for param in command.params:
        if getattr(param, "help", None):
            param.help = _(param.help)
        _plain_metavar(param, command.name)
    for sub in getattr(command, "commands", {}).values():
        _localise(sub)


def _plain_metavar(param, command_name: str | None) -> None:
    """The value's name in the usage line and the help panels, or nothing for a flag."""
    if getattr(param, "is_flag", False):
        param.display_type_rich = lambda ctx: None
        return
    if param.metavar is None:
        metavar = METAVARS.get(param.name or "")
        if param.name == "output":
            metavar = OUTPUT_METAVARS.get(command_name or "")
        if metavar is None:
            descriptor = getattr(param, "type_descriptor", None)
            annotation = getattr(descriptor, "annotation", None)
            metavar = _BY_TYPE.get(getattr(annotation, "__name__", ""), N_("VALUE"))
        param.metavar = _(metavar)
    if param.param_type_name != "argument":
        return
    shown = param.metavar + ("..." if param.nargs != 1 else "")
    usage = shown if param.required else f"[{shown}]"
    param._usage_display_name = lambda: usage
    param.display_type_rich = lambda ctx: None  # the name says it already


def _translate_click_words() -> None:
    """typer vendors click with its words fixed in English: the help option and «Usage:»
    are put through the catalogue where they are made. With another typer these hooks may
    be missing; the words then stay English."""
    try:
        from typer._click import decorators, formatting
    except ImportError:
        return
    if not getattr(decorators.help_option, "_antq", False):
        original_help_option = decorators.help_option

        def help_option(names):
            decorate = original_help_option(names)

            def apply(command):
                command = decorate(command)
                command.params[-1].help = _("Show this message and exit.")
                command.params[-1].display_type_rich = lambda ctx: None  # a flag: no <bool>
                return command

            return apply

        help_option._antq = True  # type: ignore[attr-defined]
        decorators.help_option = help_option
    if not getattr(formatting.HelpFormatter.write_usage, "_antq", False):
        original_write_usage = formatting.HelpFormatter.write_usage

        def write_usage(self, prog, args="", prefix=None):
            return original_write_usage(
                self, prog, args, _("Usage:") + " " if prefix is None else prefix
            )

        write_usage._antq = True  # type: ignore[attr-defined]
        formatting.HelpFormatter.write_usage = write_usage  # type: ignore[method-assign]


def _translate_rich_utils(rich_utils) -> None:
    """typer's panel titles, and the usage errors it prints in a panel."""
    for name, msgid in TYPER_WORDS.items():
        setattr(rich_utils, name, _(msgid))
    if not getattr(rich_utils.rich_format_error, "_antq", False):
        original_format_error = rich_utils.rich_format_error

        def rich_format_error(error):
            from .console import MAX_LINE, shown

            # the message quotes the arguments as typed: escaped and cut like every echo
            english = error.format_message()
            error.format_message = lambda: shown(translate_click_message(english), MAX_LINE)
            return original_format_error(error)

        rich_format_error._antq = True  # type: ignore[attr-defined]
        rich_utils.rich_format_error = rich_format_error


def _when_imported(name: str, then) -> None:
    """Run `then(module)` now if `name` is imported, else right after its first import."""
    if name in sys.modules:
        then(sys.modules[name])
        return
    import importlib.abc
    import importlib.util

    class AfterImport(importlib.abc.MetaPathFinder):
        def find_spec(self, fullname, path, target=None):
            if fullname != name:
                return None
            sys.meta_path.remove(self)
            spec = importlib.util.find_spec(fullname)
            if spec is None or spec.loader is None:
                return spec
            run_module = spec.loader.exec_module

            def exec_module(module):
                run_module(module)
                then(module)

            spec.loader.exec_module = exec_module
            return spec

    if not any(type(f).__name__ == "AfterImport" for f in sys.meta_path):
        sys.meta_path.insert(0, AfterImport())


_CLICK_PATTERNS = [
    (re.compile(pattern), msgid)
    for pattern, msgid in (
        (r"^Missing argument '(?P<name>[^']+)'\.$", N_("Missing argument '{name}'.")),
        (r"^Missing option '(?P<name>[^']+)'\.$", N_("Missing option '{name}'.")),
        (
            r"^No such option: (?P<name>\S+)(?: Did you mean (?P<close>\S+)\?)?"
            r"(?: \(Possible options: (?P<options>.*)\))?$",
            N_("No such option: {name}"),
        ),
        (
            r"^No such command '(?P<name>[^']+)'\.(?: Did you mean "
            r"(?P<close>'[^']+'(?:, '[^']+')*)\?)?$",
            N_("No such command '{name}'."),
        ),
        (
            r"^Got unexpected extra arguments? \((?P<args>.*)\)$",
            N_("Got unexpected extra argument ({args})"),
        ),
        (
            r"^Option '(?P<name>[^']+)' requires an argument\.$",
            N_("Option '{name}' requires an argument."),
        ),
        (
            r"^Invalid value for '(?P<name>[^']+)': (?:'(?P<value>.*)' is not a valid integer|"
            r"Input should be a valid integer).*$",
            N_("Invalid value for '{name}': write a whole number."),
        ),
        (
            r"^Invalid value for '(?P<name>[^']+)': (?P<detail>.*)$",
            N_("Invalid value for '{name}': {detail}"),
        ),
    )
]


def translate_click_message(text: str) -> str:
    """A usage error of (typer's) click in the current language; unknown ones as they are."""
    for pattern, msgid in _CLICK_PATTERNS:
        match = pattern.match(text)
        if match:
            values = {k: v or "" for k, v in match.groupdict().items()}
            message = _(msgid).format(**values)
            if values.get("close"):
                message += " " + _("Did you mean {possibility}?").format(
                    possibility=values["close"]
                )
            if values.get("options"):
                message += " " + _("(Possible options: {possibilities})").format(
                    possibilities=values["options"]
                )
            return message
    return text


def split_lang(argv: list[str]) -> tuple[str | None, list[str]]:
    """The value of `--lang X` (or `--lang=X`) and `argv` without it. The option may stand
    after the command too («antq validate --lang en plan.yaml»), where click would not know
    it; after `--` nothing is an option."""
    value, rest = None, []
    arguments = iter(argv)
    for arg in arguments:
        if arg == "--":
            rest += [arg, *arguments]
        elif arg == "--lang":
            value = next(arguments, None)
        elif arg.startswith("--lang="):
            value = arg.split("=", 1)[1]
        else:
            rest.append(arg)
    return value, rest


def utf8_console() -> None:
    """A Windows console whose code page is not UTF-8 still shows «Nơi nhận»: stdout and
    stderr write UTF-8 (or escapes), never raise UnicodeEncodeError."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        encoding = (getattr(stream, "encoding", "") or "").lower().replace("-", "")
        if reconfigure is not None and encoding != "utf8":
            try:
                reconfigure(encoding="utf-8", errors="backslashreplace")
            except (OSError, ValueError):
                pass
