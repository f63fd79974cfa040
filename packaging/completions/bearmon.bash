#!/bin/bash

__bearmon_cursor_index_in_current_word() {
    local remaining="${COMP_LINE}"

    local word
    for word in "${COMP_WORDS[@]::COMP_CWORD}"; do
        remaining="${remaining##*([[:space:]])"${word}"*([[:space:]])}"
    done

    local -ir index="$((COMP_POINT - ${#COMP_LINE} + ${#remaining}))"
    if [[ "${index}" -le 0 ]]; then
        printf 0
    else
        printf %s "${index}"
    fi
}

# positional arguments:
#
# - 1: the current (sub)command's count of positional arguments
#
# required variables:
#
# - repeating_flags: the repeating flags that the current (sub)command can accept
# - non_repeating_flags: the non-repeating flags that the current (sub)command can accept
# - repeating_options: the repeating options that the current (sub)command can accept
# - non_repeating_options: the non-repeating options that the current (sub)command can accept
# - positional_number: value ignored
# - unparsed_words: unparsed words from the current command line
#
# modified variables:
#
# - non_repeating_flags: remove flags for this (sub)command that are already on the command line
# - non_repeating_options: remove options for this (sub)command that are already on the command line
# - positional_number: set to the current positional number
# - unparsed_words: remove all flags, options, and option values for this (sub)command
__bearmon_offer_flags_options() {
    local -ir positional_count="${1}"
    positional_number=0

    local was_flag_option_terminator_seen=false
    local is_parsing_option_value=false

    local -ar unparsed_word_indices=("${!unparsed_words[@]}")
    local -i word_index
    for word_index in "${unparsed_word_indices[@]}"; do
        if "${is_parsing_option_value}"; then
            # This word is an option value:
            # Reset marker for next word iff not currently the last word
            [[ "${word_index}" -ne "${unparsed_word_indices[${#unparsed_word_indices[@]} - 1]}" ]] && is_parsing_option_value=false
            unset "unparsed_words[${word_index}]"
            # Do not process this word as a flag or an option
            continue
        fi

        local word="${unparsed_words["${word_index}"]}"
        if ! "${was_flag_option_terminator_seen}"; then
            case "${word}" in
            --)
                unset "unparsed_words[${word_index}]"
                # by itself -- is a flag/option terminator, but if it is the last word, it is the start of a completion
                if [[ "${word_index}" -ne "${unparsed_word_indices[${#unparsed_word_indices[@]} - 1]}" ]]; then
                    was_flag_option_terminator_seen=true
                fi
                continue
                ;;
            -*)
                # ${word} is a flag or an option
                # If ${word} is an option, mark that the next word to be parsed is an option value
                local option
                for option in "${repeating_options[@]}" "${non_repeating_options[@]}"; do
                    [[ "${word}" = "${option}" ]] && is_parsing_option_value=true && break
                done

                # Remove ${word} from ${non_repeating_flags} or ${non_repeating_options} so it isn't offered again
                local not_found=true
                local -i index
                for index in "${!non_repeating_flags[@]}"; do
                    if [[ "${non_repeating_flags[${index}]}" = "${word}" ]]; then
                        unset "non_repeating_flags[${index}]"
                        non_repeating_flags=("${non_repeating_flags[@]}")
                        not_found=false
                        break
                    fi
                done
                if "${not_found}"; then
                    for index in "${!non_repeating_flags[@]}"; do
                        if [[ "${non_repeating_flags[${index}]}" = "${word}" ]]; then
                            unset "non_repeating_flags[${index}]"
                            non_repeating_flags=("${non_repeating_flags[@]}")
                            break
                        fi
                    done
                fi
                unset "unparsed_words[${word_index}]"
                continue
                ;;
            esac
        fi

        # ${word} is neither a flag, nor an option, nor an option value
        if [[ "${positional_number}" -lt "${positional_count}" || "${positional_count}" -lt 0 ]]; then
            # ${word} is a positional
            ((positional_number++))
            unset "unparsed_words[${word_index}]"
        else
            if [[ -z "${word}" ]]; then
                # Could be completing a flag, option, or subcommand
                positional_number=-1
            else
                # ${word} is a subcommand or invalid, so stop processing this (sub)command
                positional_number=-2
            fi
            break
        fi
    done

    unparsed_words=("${unparsed_words[@]}")

    if\
        ! "${was_flag_option_terminator_seen}"\
        && ! "${is_parsing_option_value}"\
        && [[ ("${cur}" = -* && "${positional_number}" -ge 0) || "${positional_number}" -eq -1 ]]
    then
        COMPREPLY+=($(compgen -W "${repeating_flags[*]} ${non_repeating_flags[*]} ${repeating_options[*]} ${non_repeating_options[*]}" -- "${cur}"))
    fi
}

__bearmon_add_completions() {
    local completion
    while IFS='' read -r completion; do
        COMPREPLY+=("${completion}")
    done < <(IFS=$'\n' compgen "${@}" -- "${cur}")
}

__bearmon_custom_complete() {
    if [[ -n "${cur}" || -z ${COMP_WORDS[${COMP_CWORD}]} || "${COMP_LINE:${COMP_POINT}:1}" != ' ' ]]; then
        local -ar words=("${COMP_WORDS[@]}")
    else
        local -ar words=("${COMP_WORDS[@]::${COMP_CWORD}}" '' "${COMP_WORDS[@]:${COMP_CWORD}}")
    fi

    "${COMP_WORDS[0]}" "${@}" "${words[@]}"
}

_bearmon() {
    local state
    state="$(shopt -p;shopt -po)"
    trap "${state//$'\n'/;}" RETURN
    shopt -s extglob
    set +o history +o posix

    local -xr SAP_SHELL=bash
    local -x SAP_SHELL_VERSION
    SAP_SHELL_VERSION="$(IFS='.';printf %s "${BASH_VERSINFO[*]}")"
    local -r SAP_SHELL_VERSION

    local -r cur="${2}"
    local -r prev="${3}"

    local -i positional_number
    local -a unparsed_words=("${COMP_WORDS[@]:1:${COMP_CWORD}}")

    local -a repeating_flags=()
    local -a non_repeating_flags=(--version -h --help)
    local -a repeating_options=()
    local -a non_repeating_options=()
    __bearmon_offer_flags_options 0

    # Offer subcommand / subcommand argument completions
    local -r subcommand="${unparsed_words[0]}"
    unset 'unparsed_words[0]'
    unparsed_words=("${unparsed_words[@]}")
    case "${subcommand}" in
    plugins|check|bench|notify|db|checks|contacts|alerts|tokens|maintenance|silence|ack|apply|export|standalone|status|query|worker|viewserver|run|help)
        # Offer subcommand argument completions
        "_bearmon_${subcommand}"
        ;;
    *)
        # Offer subcommand completions
        COMPREPLY+=($(compgen -W 'plugins check bench notify db checks contacts alerts tokens maintenance silence ack apply export standalone status query worker viewserver run help' -- "${cur}"))
        ;;
    esac
}

_bearmon_plugins() {
    repeating_flags=()
    non_repeating_flags=(--debug --json --markdown --version -h --help)
    repeating_options=()
    non_repeating_options=(--config --plugins --log-format)
    __bearmon_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--config')
        return
        ;;
    '--plugins')
        return
        ;;
    '--log-format')
        __bearmon_add_completions -W 'text'$'\n''json'
        return
        ;;
    esac
}

_bearmon_check() {
    repeating_flags=()
    non_repeating_flags=(--json --debug --version -h --help)
    repeating_options=()
    non_repeating_options=(--data --timeout --format --config --plugins --log-format)
    __bearmon_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--data')
        return
        ;;
    '--timeout')
        return
        ;;
    '--format')
        __bearmon_add_completions -W 'text'$'\n''json'$'\n''nagios'
        return
        ;;
    '--config')
        return
        ;;
    '--plugins')
        return
        ;;
    '--log-format')
        __bearmon_add_completions -W 'text'$'\n''json'
        return
        ;;
    esac
}

_bearmon_bench() {
    repeating_flags=()
    non_repeating_flags=(--debug --version -h --help)
    repeating_options=()
    non_repeating_options=(--data --count --concurrency --config --plugins --log-format)
    __bearmon_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--data')
        return
        ;;
    '--count')
        return
        ;;
    '--concurrency')
        return
        ;;
    '--config')
        return
        ;;
    '--plugins')
        return
        ;;
    '--log-format')
        __bearmon_add_completions -W 'text'$'\n''json'
        return
        ;;
    esac
}

_bearmon_notify() {
    repeating_flags=()
    non_repeating_flags=(--debug --version -h --help)
    repeating_options=()
    non_repeating_options=(--data --check --status --message --event-id --config --plugins --log-format)
    __bearmon_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--data')
        return
        ;;
    '--check')
        return
        ;;
    '--status')
        __bearmon_add_completions -W 'offline'$'\n''online'
        return
        ;;
    '--message')
        return
        ;;
    '--event-id')
        return
        ;;
    '--config')
        return
        ;;
    '--plugins')
        return
        ;;
    '--log-format')
        __bearmon_add_completions -W 'text'$'\n''json'
        return
        ;;
    esac
}

_bearmon_db() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=()
    __bearmon_offer_flags_options 0

    # Offer subcommand / subcommand argument completions
    local -r subcommand="${unparsed_words[0]}"
    unset 'unparsed_words[0]'
    unparsed_words=("${unparsed_words[@]}")
    case "${subcommand}" in
    init|schema)
        # Offer subcommand argument completions
        "_bearmon_db_${subcommand}"
        ;;
    *)
        # Offer subcommand completions
        COMPREPLY+=($(compgen -W 'init schema' -- "${cur}"))
        ;;
    esac
}

_bearmon_db_init() {
    repeating_flags=()
    non_repeating_flags=(--debug --version -h --help)
    repeating_options=()
    non_repeating_options=(--db --config --plugins --log-format)
    __bearmon_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--db')
        return
        ;;
    '--config')
        return
        ;;
    '--plugins')
        return
        ;;
    '--log-format')
        __bearmon_add_completions -W 'text'$'\n''json'
        return
        ;;
    esac
}

_bearmon_db_schema() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=()
    __bearmon_offer_flags_options 0
}

_bearmon_checks() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=()
    __bearmon_offer_flags_options 0

    # Offer subcommand / subcommand argument completions
    local -r subcommand="${unparsed_words[0]}"
    unset 'unparsed_words[0]'
    unparsed_words=("${unparsed_words[@]}")
    case "${subcommand}" in
    add|list|show|edit|enable|disable|rm)
        # Offer subcommand argument completions
        "_bearmon_checks_${subcommand}"
        ;;
    *)
        # Offer subcommand completions
        COMPREPLY+=($(compgen -W 'add list show edit enable disable rm' -- "${cur}"))
        ;;
    esac
}

_bearmon_checks_add() {
    repeating_flags=()
    non_repeating_flags=(--disabled --public --no-public --api-cleartext --debug --version -h --help)
    repeating_options=(--tag)
    non_repeating_options=(--name --type --data --interval --delay --nodes --db --api --api-ca --config --plugins --log-format)
    __bearmon_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--name')
        return
        ;;
    '--type')
        return
        ;;
    '--data')
        return
        ;;
    '--interval')
        return
        ;;
    '--delay')
        return
        ;;
    '--tag')
        return
        ;;
    '--nodes')
        return
        ;;
    '--db')
        return
        ;;
    '--api')
        return
        ;;
    '--api-ca')
        return
        ;;
    '--config')
        return
        ;;
    '--plugins')
        return
        ;;
    '--log-format')
        __bearmon_add_completions -W 'text'$'\n''json'
        return
        ;;
    esac
}

_bearmon_checks_list() {
    repeating_flags=()
    non_repeating_flags=(--json --api-cleartext --debug --version -h --help)
    repeating_options=()
    non_repeating_options=(--tag --db --api --api-ca --config --plugins --log-format)
    __bearmon_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--tag')
        return
        ;;
    '--db')
        return
        ;;
    '--api')
        return
        ;;
    '--api-ca')
        return
        ;;
    '--config')
        return
        ;;
    '--plugins')
        return
        ;;
    '--log-format')
        __bearmon_add_completions -W 'text'$'\n''json'
        return
        ;;
    esac
}

_bearmon_checks_show() {
    repeating_flags=()
    non_repeating_flags=(--json --api-cleartext --debug --version -h --help)
    repeating_options=()
    non_repeating_options=(--db --api --api-ca --config --plugins --log-format)
    __bearmon_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--db')
        return
        ;;
    '--api')
        return
        ;;
    '--api-ca')
        return
        ;;
    '--config')
        return
        ;;
    '--plugins')
        return
        ;;
    '--log-format')
        __bearmon_add_completions -W 'text'$'\n''json'
        return
        ;;
    esac
}

_bearmon_checks_edit() {
    repeating_flags=()
    non_repeating_flags=(--no-tags --public --no-public --no-depends-on --api-cleartext --debug --version -h --help)
    repeating_options=(--tag)
    non_repeating_options=(--name --type --data --interval --delay --depends-on --nodes --db --api --api-ca --config --plugins --log-format)
    __bearmon_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--name')
        return
        ;;
    '--type')
        return
        ;;
    '--data')
        return
        ;;
    '--interval')
        return
        ;;
    '--delay')
        return
        ;;
    '--tag')
        return
        ;;
    '--depends-on')
        return
        ;;
    '--nodes')
        return
        ;;
    '--db')
        return
        ;;
    '--api')
        return
        ;;
    '--api-ca')
        return
        ;;
    '--config')
        return
        ;;
    '--plugins')
        return
        ;;
    '--log-format')
        __bearmon_add_completions -W 'text'$'\n''json'
        return
        ;;
    esac
}

_bearmon_checks_enable() {
    repeating_flags=()
    non_repeating_flags=(--api-cleartext --debug --version -h --help)
    repeating_options=()
    non_repeating_options=(--db --api --api-ca --config --plugins --log-format)
    __bearmon_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--db')
        return
        ;;
    '--api')
        return
        ;;
    '--api-ca')
        return
        ;;
    '--config')
        return
        ;;
    '--plugins')
        return
        ;;
    '--log-format')
        __bearmon_add_completions -W 'text'$'\n''json'
        return
        ;;
    esac
}

_bearmon_checks_disable() {
    repeating_flags=()
    non_repeating_flags=(--quiet --api-cleartext --debug --version -h --help)
    repeating_options=()
    non_repeating_options=(--db --api --api-ca --config --plugins --log-format)
    __bearmon_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--db')
        return
        ;;
    '--api')
        return
        ;;
    '--api-ca')
        return
        ;;
    '--config')
        return
        ;;
    '--plugins')
        return
        ;;
    '--log-format')
        __bearmon_add_completions -W 'text'$'\n''json'
        return
        ;;
    esac
}

_bearmon_checks_rm() {
    repeating_flags=()
    non_repeating_flags=(--quiet --api-cleartext --debug --version -h --help)
    repeating_options=()
    non_repeating_options=(--db --api --api-ca --config --plugins --log-format)
    __bearmon_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--db')
        return
        ;;
    '--api')
        return
        ;;
    '--api-ca')
        return
        ;;
    '--config')
        return
        ;;
    '--plugins')
        return
        ;;
    '--log-format')
        __bearmon_add_completions -W 'text'$'\n''json'
        return
        ;;
    esac
}

_bearmon_contacts() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=()
    __bearmon_offer_flags_options 0

    # Offer subcommand / subcommand argument completions
    local -r subcommand="${unparsed_words[0]}"
    unset 'unparsed_words[0]'
    unparsed_words=("${unparsed_words[@]}")
    case "${subcommand}" in
    add|list|edit|rm|test)
        # Offer subcommand argument completions
        "_bearmon_contacts_${subcommand}"
        ;;
    *)
        # Offer subcommand completions
        COMPREPLY+=($(compgen -W 'add list edit rm test' -- "${cur}"))
        ;;
    esac
}

_bearmon_contacts_add() {
    repeating_flags=()
    non_repeating_flags=(--api-cleartext --debug --version -h --help)
    repeating_options=()
    non_repeating_options=(--type --data --name --db --api --api-ca --config --plugins --log-format)
    __bearmon_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--type')
        return
        ;;
    '--data')
        return
        ;;
    '--name')
        return
        ;;
    '--db')
        return
        ;;
    '--api')
        return
        ;;
    '--api-ca')
        return
        ;;
    '--config')
        return
        ;;
    '--plugins')
        return
        ;;
    '--log-format')
        __bearmon_add_completions -W 'text'$'\n''json'
        return
        ;;
    esac
}

_bearmon_contacts_list() {
    repeating_flags=()
    non_repeating_flags=(--json --api-cleartext --debug --version -h --help)
    repeating_options=()
    non_repeating_options=(--db --api --api-ca --config --plugins --log-format)
    __bearmon_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--db')
        return
        ;;
    '--api')
        return
        ;;
    '--api-ca')
        return
        ;;
    '--config')
        return
        ;;
    '--plugins')
        return
        ;;
    '--log-format')
        __bearmon_add_completions -W 'text'$'\n''json'
        return
        ;;
    esac
}

_bearmon_contacts_edit() {
    repeating_flags=()
    non_repeating_flags=(--no-name --api-cleartext --debug --version -h --help)
    repeating_options=()
    non_repeating_options=(--name --type --data --db --api --api-ca --config --plugins --log-format)
    __bearmon_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--name')
        return
        ;;
    '--type')
        return
        ;;
    '--data')
        return
        ;;
    '--db')
        return
        ;;
    '--api')
        return
        ;;
    '--api-ca')
        return
        ;;
    '--config')
        return
        ;;
    '--plugins')
        return
        ;;
    '--log-format')
        __bearmon_add_completions -W 'text'$'\n''json'
        return
        ;;
    esac
}

_bearmon_contacts_rm() {
    repeating_flags=()
    non_repeating_flags=(--quiet --api-cleartext --debug --version -h --help)
    repeating_options=()
    non_repeating_options=(--db --api --api-ca --config --plugins --log-format)
    __bearmon_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--db')
        return
        ;;
    '--api')
        return
        ;;
    '--api-ca')
        return
        ;;
    '--config')
        return
        ;;
    '--plugins')
        return
        ;;
    '--log-format')
        __bearmon_add_completions -W 'text'$'\n''json'
        return
        ;;
    esac
}

_bearmon_contacts_test() {
    repeating_flags=()
    non_repeating_flags=(--api-cleartext --debug --version -h --help)
    repeating_options=()
    non_repeating_options=(--db --api --api-ca --config --plugins --log-format)
    __bearmon_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--db')
        return
        ;;
    '--api')
        return
        ;;
    '--api-ca')
        return
        ;;
    '--config')
        return
        ;;
    '--plugins')
        return
        ;;
    '--log-format')
        __bearmon_add_completions -W 'text'$'\n''json'
        return
        ;;
    esac
}

_bearmon_alerts() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=()
    __bearmon_offer_flags_options 0

    # Offer subcommand / subcommand argument completions
    local -r subcommand="${unparsed_words[0]}"
    unset 'unparsed_words[0]'
    unparsed_words=("${unparsed_words[@]}")
    case "${subcommand}" in
    add|edit|list|enable|disable|rm)
        # Offer subcommand argument completions
        "_bearmon_alerts_${subcommand}"
        ;;
    *)
        # Offer subcommand completions
        COMPREPLY+=($(compgen -W 'add edit list enable disable rm' -- "${cur}"))
        ;;
    esac
}

_bearmon_alerts_add() {
    repeating_flags=()
    non_repeating_flags=(--api-cleartext --debug --version -h --help)
    repeating_options=()
    non_repeating_options=(--check --contact --type --after --repeat --fallback --db --api --api-ca --config --plugins --log-format)
    __bearmon_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--check')
        return
        ;;
    '--contact')
        return
        ;;
    '--type')
        __bearmon_add_completions -W 'online'$'\n''offline'$'\n''both'
        return
        ;;
    '--after')
        return
        ;;
    '--repeat')
        return
        ;;
    '--fallback')
        return
        ;;
    '--db')
        return
        ;;
    '--api')
        return
        ;;
    '--api-ca')
        return
        ;;
    '--config')
        return
        ;;
    '--plugins')
        return
        ;;
    '--log-format')
        __bearmon_add_completions -W 'text'$'\n''json'
        return
        ;;
    esac
}

_bearmon_alerts_edit() {
    repeating_flags=()
    non_repeating_flags=(--clear-reach --api-cleartext --debug --version -h --help)
    repeating_options=()
    non_repeating_options=(--after --repeat --fallback --db --api --api-ca --config --plugins --log-format)
    __bearmon_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--after')
        return
        ;;
    '--repeat')
        return
        ;;
    '--fallback')
        return
        ;;
    '--db')
        return
        ;;
    '--api')
        return
        ;;
    '--api-ca')
        return
        ;;
    '--config')
        return
        ;;
    '--plugins')
        return
        ;;
    '--log-format')
        __bearmon_add_completions -W 'text'$'\n''json'
        return
        ;;
    esac
}

_bearmon_alerts_list() {
    repeating_flags=()
    non_repeating_flags=(--json --api-cleartext --debug --version -h --help)
    repeating_options=()
    non_repeating_options=(--db --api --api-ca --config --plugins --log-format)
    __bearmon_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--db')
        return
        ;;
    '--api')
        return
        ;;
    '--api-ca')
        return
        ;;
    '--config')
        return
        ;;
    '--plugins')
        return
        ;;
    '--log-format')
        __bearmon_add_completions -W 'text'$'\n''json'
        return
        ;;
    esac
}

_bearmon_alerts_enable() {
    repeating_flags=()
    non_repeating_flags=(--api-cleartext --debug --version -h --help)
    repeating_options=()
    non_repeating_options=(--db --api --api-ca --config --plugins --log-format)
    __bearmon_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--db')
        return
        ;;
    '--api')
        return
        ;;
    '--api-ca')
        return
        ;;
    '--config')
        return
        ;;
    '--plugins')
        return
        ;;
    '--log-format')
        __bearmon_add_completions -W 'text'$'\n''json'
        return
        ;;
    esac
}

_bearmon_alerts_disable() {
    repeating_flags=()
    non_repeating_flags=(--quiet --api-cleartext --debug --version -h --help)
    repeating_options=()
    non_repeating_options=(--db --api --api-ca --config --plugins --log-format)
    __bearmon_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--db')
        return
        ;;
    '--api')
        return
        ;;
    '--api-ca')
        return
        ;;
    '--config')
        return
        ;;
    '--plugins')
        return
        ;;
    '--log-format')
        __bearmon_add_completions -W 'text'$'\n''json'
        return
        ;;
    esac
}

_bearmon_alerts_rm() {
    repeating_flags=()
    non_repeating_flags=(--quiet --api-cleartext --debug --version -h --help)
    repeating_options=()
    non_repeating_options=(--db --api --api-ca --config --plugins --log-format)
    __bearmon_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--db')
        return
        ;;
    '--api')
        return
        ;;
    '--api-ca')
        return
        ;;
    '--config')
        return
        ;;
    '--plugins')
        return
        ;;
    '--log-format')
        __bearmon_add_completions -W 'text'$'\n''json'
        return
        ;;
    esac
}

_bearmon_tokens() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=()
    __bearmon_offer_flags_options 0

    # Offer subcommand / subcommand argument completions
    local -r subcommand="${unparsed_words[0]}"
    unset 'unparsed_words[0]'
    unparsed_words=("${unparsed_words[@]}")
    case "${subcommand}" in
    add|list|rm)
        # Offer subcommand argument completions
        "_bearmon_tokens_${subcommand}"
        ;;
    *)
        # Offer subcommand completions
        COMPREPLY+=($(compgen -W 'add list rm' -- "${cur}"))
        ;;
    esac
}

_bearmon_tokens_add() {
    repeating_flags=()
    non_repeating_flags=(--api-cleartext --debug --version -h --help)
    repeating_options=()
    non_repeating_options=(--name --scope --db --api --api-ca --config --plugins --log-format)
    __bearmon_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--name')
        return
        ;;
    '--scope')
        return
        ;;
    '--db')
        return
        ;;
    '--api')
        return
        ;;
    '--api-ca')
        return
        ;;
    '--config')
        return
        ;;
    '--plugins')
        return
        ;;
    '--log-format')
        __bearmon_add_completions -W 'text'$'\n''json'
        return
        ;;
    esac
}

_bearmon_tokens_list() {
    repeating_flags=()
    non_repeating_flags=(--json --api-cleartext --debug --version -h --help)
    repeating_options=()
    non_repeating_options=(--db --api --api-ca --config --plugins --log-format)
    __bearmon_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--db')
        return
        ;;
    '--api')
        return
        ;;
    '--api-ca')
        return
        ;;
    '--config')
        return
        ;;
    '--plugins')
        return
        ;;
    '--log-format')
        __bearmon_add_completions -W 'text'$'\n''json'
        return
        ;;
    esac
}

_bearmon_tokens_rm() {
    repeating_flags=()
    non_repeating_flags=(--api-cleartext --debug --version -h --help)
    repeating_options=()
    non_repeating_options=(--db --api --api-ca --config --plugins --log-format)
    __bearmon_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--db')
        return
        ;;
    '--api')
        return
        ;;
    '--api-ca')
        return
        ;;
    '--config')
        return
        ;;
    '--plugins')
        return
        ;;
    '--log-format')
        __bearmon_add_completions -W 'text'$'\n''json'
        return
        ;;
    esac
}

_bearmon_maintenance() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=()
    __bearmon_offer_flags_options 0

    # Offer subcommand / subcommand argument completions
    local -r subcommand="${unparsed_words[0]}"
    unset 'unparsed_words[0]'
    unparsed_words=("${unparsed_words[@]}")
    case "${subcommand}" in
    add|list|rm)
        # Offer subcommand argument completions
        "_bearmon_maintenance_${subcommand}"
        ;;
    *)
        # Offer subcommand completions
        COMPREPLY+=($(compgen -W 'add list rm' -- "${cur}"))
        ;;
    esac
}

_bearmon_maintenance_add() {
    repeating_flags=()
    non_repeating_flags=(--all --api-cleartext --debug --version -h --help)
    repeating_options=()
    non_repeating_options=(--check --tag --start --end --cron --duration --time-zone --name --comment --db --api --api-ca --config --plugins --log-format)
    __bearmon_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--check')
        return
        ;;
    '--tag')
        return
        ;;
    '--start')
        return
        ;;
    '--end')
        return
        ;;
    '--cron')
        return
        ;;
    '--duration')
        return
        ;;
    '--time-zone')
        return
        ;;
    '--name')
        return
        ;;
    '--comment')
        return
        ;;
    '--db')
        return
        ;;
    '--api')
        return
        ;;
    '--api-ca')
        return
        ;;
    '--config')
        return
        ;;
    '--plugins')
        return
        ;;
    '--log-format')
        __bearmon_add_completions -W 'text'$'\n''json'
        return
        ;;
    esac
}

_bearmon_maintenance_list() {
    repeating_flags=()
    non_repeating_flags=(--json --api-cleartext --debug --version -h --help)
    repeating_options=()
    non_repeating_options=(--db --api --api-ca --config --plugins --log-format)
    __bearmon_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--db')
        return
        ;;
    '--api')
        return
        ;;
    '--api-ca')
        return
        ;;
    '--config')
        return
        ;;
    '--plugins')
        return
        ;;
    '--log-format')
        __bearmon_add_completions -W 'text'$'\n''json'
        return
        ;;
    esac
}

_bearmon_maintenance_rm() {
    repeating_flags=()
    non_repeating_flags=(--api-cleartext --debug --version -h --help)
    repeating_options=()
    non_repeating_options=(--db --api --api-ca --config --plugins --log-format)
    __bearmon_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--db')
        return
        ;;
    '--api')
        return
        ;;
    '--api-ca')
        return
        ;;
    '--config')
        return
        ;;
    '--plugins')
        return
        ;;
    '--log-format')
        __bearmon_add_completions -W 'text'$'\n''json'
        return
        ;;
    esac
}

_bearmon_silence() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=()
    __bearmon_offer_flags_options 0

    # Offer subcommand / subcommand argument completions
    local -r subcommand="${unparsed_words[0]}"
    unset 'unparsed_words[0]'
    unparsed_words=("${unparsed_words[@]}")
    case "${subcommand}" in
    add|list|rm)
        # Offer subcommand argument completions
        "_bearmon_silence_${subcommand}"
        ;;
    *)
        # Offer subcommand completions
        COMPREPLY+=($(compgen -W 'add list rm' -- "${cur}"))
        ;;
    esac
}

_bearmon_silence_add() {
    repeating_flags=()
    non_repeating_flags=(--api-cleartext --debug --version -h --help)
    repeating_options=()
    non_repeating_options=(--check --tag --for --until --comment --db --api --api-ca --config --plugins --log-format)
    __bearmon_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--check')
        return
        ;;
    '--tag')
        return
        ;;
    '--for')
        return
        ;;
    '--until')
        return
        ;;
    '--comment')
        return
        ;;
    '--db')
        return
        ;;
    '--api')
        return
        ;;
    '--api-ca')
        return
        ;;
    '--config')
        return
        ;;
    '--plugins')
        return
        ;;
    '--log-format')
        __bearmon_add_completions -W 'text'$'\n''json'
        return
        ;;
    esac
}

_bearmon_silence_list() {
    repeating_flags=()
    non_repeating_flags=(--all --json --api-cleartext --debug --version -h --help)
    repeating_options=()
    non_repeating_options=(--db --api --api-ca --config --plugins --log-format)
    __bearmon_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--db')
        return
        ;;
    '--api')
        return
        ;;
    '--api-ca')
        return
        ;;
    '--config')
        return
        ;;
    '--plugins')
        return
        ;;
    '--log-format')
        __bearmon_add_completions -W 'text'$'\n''json'
        return
        ;;
    esac
}

_bearmon_silence_rm() {
    repeating_flags=()
    non_repeating_flags=(--api-cleartext --debug --version -h --help)
    repeating_options=()
    non_repeating_options=(--db --api --api-ca --config --plugins --log-format)
    __bearmon_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--db')
        return
        ;;
    '--api')
        return
        ;;
    '--api-ca')
        return
        ;;
    '--config')
        return
        ;;
    '--plugins')
        return
        ;;
    '--log-format')
        __bearmon_add_completions -W 'text'$'\n''json'
        return
        ;;
    esac
}

_bearmon_ack() {
    repeating_flags=()
    non_repeating_flags=(--clear --api-cleartext --debug --version -h --help)
    repeating_options=()
    non_repeating_options=(--comment --for --db --api --api-ca --config --plugins --log-format)
    __bearmon_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--comment')
        return
        ;;
    '--for')
        return
        ;;
    '--db')
        return
        ;;
    '--api')
        return
        ;;
    '--api-ca')
        return
        ;;
    '--config')
        return
        ;;
    '--plugins')
        return
        ;;
    '--log-format')
        __bearmon_add_completions -W 'text'$'\n''json'
        return
        ;;
    esac
}

_bearmon_apply() {
    repeating_flags=()
    non_repeating_flags=(--dry-run --prune --quiet --api-cleartext --debug --version -h --help)
    repeating_options=()
    non_repeating_options=(-f --file --db --api --api-ca --config --plugins --log-format)
    __bearmon_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '-f'|'--file')
        return
        ;;
    '--db')
        return
        ;;
    '--api')
        return
        ;;
    '--api-ca')
        return
        ;;
    '--config')
        return
        ;;
    '--plugins')
        return
        ;;
    '--log-format')
        __bearmon_add_completions -W 'text'$'\n''json'
        return
        ;;
    esac
}

_bearmon_export() {
    repeating_flags=()
    non_repeating_flags=(--with-secrets --api-cleartext --debug --version -h --help)
    repeating_options=()
    non_repeating_options=(--db --api --api-ca --config --plugins --log-format)
    __bearmon_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--db')
        return
        ;;
    '--api')
        return
        ;;
    '--api-ca')
        return
        ;;
    '--config')
        return
        ;;
    '--plugins')
        return
        ;;
    '--log-format')
        __bearmon_add_completions -W 'text'$'\n''json'
        return
        ;;
    esac
}

_bearmon_standalone() {
    repeating_flags=()
    non_repeating_flags=(--debug --version -h --help)
    repeating_options=()
    non_repeating_options=(--addr --threads --node --db --config --plugins --log-format)
    __bearmon_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--addr')
        return
        ;;
    '--threads')
        return
        ;;
    '--node')
        return
        ;;
    '--db')
        return
        ;;
    '--config')
        return
        ;;
    '--plugins')
        return
        ;;
    '--log-format')
        __bearmon_add_completions -W 'text'$'\n''json'
        return
        ;;
    esac
}

_bearmon_status() {
    repeating_flags=()
    non_repeating_flags=(--json --debug --version -h --help)
    repeating_options=()
    non_repeating_options=(--addr --db --config --plugins --log-format)
    __bearmon_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--addr')
        return
        ;;
    '--db')
        return
        ;;
    '--config')
        return
        ;;
    '--plugins')
        return
        ;;
    '--log-format')
        __bearmon_add_completions -W 'text'$'\n''json'
        return
        ;;
    esac
}

_bearmon_query() {
    repeating_flags=()
    non_repeating_flags=(--verbose --version -h --help)
    repeating_options=()
    non_repeating_options=(--service --id --status --limit --offset --addr)
    __bearmon_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--service')
        return
        ;;
    '--id')
        return
        ;;
    '--status')
        return
        ;;
    '--limit')
        return
        ;;
    '--offset')
        return
        ;;
    '--addr')
        return
        ;;
    esac

    # Offer positional completions
    case "${positional_number}" in
    1)
        __bearmon_add_completions -W 'healthchecks'$'\n''services'$'\n''status'$'\n''stats'
        return
        ;;
    esac
}

_bearmon_worker() {
    repeating_flags=()
    non_repeating_flags=(--debug --version -h --help)
    repeating_options=()
    non_repeating_options=(--threads --config --plugins --log-format)
    __bearmon_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--threads')
        return
        ;;
    '--config')
        return
        ;;
    '--plugins')
        return
        ;;
    '--log-format')
        __bearmon_add_completions -W 'text'$'\n''json'
        return
        ;;
    esac
}

_bearmon_viewserver() {
    repeating_flags=()
    non_repeating_flags=(--debug --version -h --help)
    repeating_options=()
    non_repeating_options=(--config --plugins --log-format)
    __bearmon_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--config')
        return
        ;;
    '--plugins')
        return
        ;;
    '--log-format')
        __bearmon_add_completions -W 'text'$'\n''json'
        return
        ;;
    esac
}

_bearmon_run() {
    repeating_flags=()
    non_repeating_flags=(--debug --version -h --help)
    repeating_options=()
    non_repeating_options=(--plugins --log-format)
    __bearmon_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--plugins')
        return
        ;;
    '--log-format')
        __bearmon_add_completions -W 'text'$'\n''json'
        return
        ;;
    esac
}

_bearmon_help() {
    repeating_flags=()
    non_repeating_flags=(--version)
    repeating_options=()
    non_repeating_options=()
    __bearmon_offer_flags_options -1
}

complete -o filenames -F _bearmon bearmon
