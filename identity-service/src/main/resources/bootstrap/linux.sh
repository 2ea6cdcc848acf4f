#!/usr/bin/env bash
# Crosspatch startup script: enrolls this Linux VM for patching with AWS Systems Manager.
#
#   curl -fsS https://crosspatch.example.com/v1/bootstrap/linux.sh | sudo bash -s -- [options]
#
# It proves who the VM is with its cloud's signed instance identity (GCP identity token, Azure attested document,
# AWS instance identity document, or the token a VMware administrator placed in guestinfo), enrolls with
# Crosspatch, waits for the SSM hybrid activation Crosspatch issues for it, installs the SSM Agent if it is
# missing and registers it. Run it on every boot: a rerun follows the enrollment it made (the secret is kept in the
# state directory with the enrollment id) instead of enrolling twice. When that enrollment is REGISTERED as the
# managed instance the local SSM Agent is registered as (its registration file), the rerun exits 0 after that one
# status request: no metadata service, no registration, no AWS call. When the enrollment is gone (unknown, expired,
# rejected, failed, retired) or names another managed instance than the agent's (or the agent has none), it
# enrolls afresh with a new secret (the cloud instance stays claimed by its first enrollment, so that is
# ALREADY_ENROLLED until an administrator releases the instance for re-enrollment, or it is retired, which releases
# it). Delete the state directory to start over by hand.
#
# Options:
#   --server URL          Crosspatch's enrollment endpoint (default: the server's configured public URL); https,
#                         or plain http only to this machine's loopback (127.0.0.0/8, localhost, [::1])
#   --provider NAME       gcp, azure, aws or vmware (default: detected from the metadata services)
#   --audience AUD        audience of the GCP identity token (default: the server's configured audience)
#   --label KEY=VALUE     a label to send (repeatable); overrides the VM's own crosspatch-* labels/tags
#   --patch-group NAME    shorthand for --label crosspatch-patchgroup=NAME
#   --skip-agent-install  do not install the SSM Agent when it is missing (fail instead)
#   --timeout SECONDS     how long to wait for the activation (default 3600)
#
# Environment (for tests, proxies and unusual networks):
#   CROSSPATCH_URL, CROSSPATCH_PROVIDER, CROSSPATCH_GCP_AUDIENCE   the same as the options above
#   CROSSPATCH_GCP_METADATA_URL    default http://metadata.google.internal
#   CROSSPATCH_AZURE_IMDS_URL      default http://169.254.169.254
#   CROSSPATCH_AWS_IMDS_URL        default http://169.254.169.254
#   CROSSPATCH_VMTOOLSD            the vmtoolsd command (default vmtoolsd)
#   CROSSPATCH_STATE_DIR           where the enrollment is remembered (default /var/lib/crosspatch)
#   CROSSPATCH_SSM_REGISTRATION_FILE  the SSM Agent's registration, read on a rerun
#                                  (default /var/lib/amazon/ssm/registration)
#   CROSSPATCH_OS_RELEASE          os-release file to read (default /etc/os-release)
#   CROSSPATCH_HOSTNAME            the host name to report (default: this host's)
#   CROSSPATCH_POLL_INITIAL_SECONDS, CROSSPATCH_POLL_MAX_SECONDS   status polling back-off (default 2 and 60)
#
# Exit status: 0 registered (by this run, or already); 2 usage; 3 enrollment rejected or failed; 4 no identity;
# 5 timed out; 6 agent; 7 the server answered a value that is not what Crosspatch sends (nothing of it is used).
# Nothing secret is printed: the enrollment secret and the activation code go only to Crosspatch and the agent.
# Every value the server sends is checked against its exact shape before it is used: this script runs as root,
# and the region ends up in the URL of the package it installs.
set -euo pipefail

readonly DEFAULT_SERVER="@CROSSPATCH_URL@"
readonly DEFAULT_GCP_AUDIENCE="@CROSSPATCH_GCP_AUDIENCE@"
readonly AZURE_API_VERSION="2021-02-01"
readonly ENROLLMENT_ID_SHAPE='^enr-[0-9a-f]{32}$'
readonly ACTIVATION_ID_SHAPE='^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$'
readonly ACTIVATION_CODE_SHAPE='^[A-Za-z0-9+/=]{20,128}$'
readonly REGION_SHAPE='^[a-z]{2}(-[a-z]+)+-[0-9]{1,2}$'
readonly NONCE_SHAPE='^[A-Za-z0-9]{32}$'
readonly REASON_SHAPE='^[A-Za-z0-9_.-]{1,64}$'
readonly MANAGED_INSTANCE_SHAPE='^mi-[0-9a-f]{17}$'
readonly SERVER_SHAPE='^(https?)://(\[[0-9a-fA-F:.]+\]|[A-Za-z0-9.-]+)(:[0-9]{1,5})?(/[A-Za-z0-9._~%/+-]*)?$'

server="${CROSSPATCH_URL:-}"
provider="${CROSSPATCH_PROVIDER:-}"
audience="${CROSSPATCH_GCP_AUDIENCE:-}"
skip_agent_install=false
timeout_seconds=3600
declare -A labels=()

gcp_metadata="${CROSSPATCH_GCP_METADATA_URL:-http://metadata.google.internal}"
azure_imds="${CROSSPATCH_AZURE_IMDS_URL:-http://169.254.169.254}"
aws_imds="${CROSSPATCH_AWS_IMDS_URL:-http://169.254.169.254}"
vmtoolsd="${CROSSPATCH_VMTOOLSD:-vmtoolsd}"
state_dir="${CROSSPATCH_STATE_DIR:-/var/lib/crosspatch}"
ssm_registration="${CROSSPATCH_SSM_REGISTRATION_FILE:-/var/lib/amazon/ssm/registration}"
os_release="${CROSSPATCH_OS_RELEASE:-/etc/os-release}"
poll_initial="${CROSSPATCH_POLL_INITIAL_SECONDS:-2}"
poll_max="${CROSSPATCH_POLL_MAX_SECONDS:-60}"

log() {
    printf 'crosspatch: %s\n' "$*" >&2
}

die() {
    local status=$1
    shift
    log "$*"
    exit "$status"
}

# Refuses (exit 7) a value from the server that is not of its exact shape; the value itself is not printed.
expect() {
    local what=$1 value=$2 shape=$3
    [[ $value =~ $shape ]] || die 7 "Crosspatch answered a malformed ${what}; refusing to use it"
}

# Only printable characters of a server's message reach the terminal.
printable() {
    printf '%s' "$1" | tr -cd '[:print:]' | head -c 200
}

# The server must be https, or plain http to this machine's loopback: the enrollment secret and the activation
# code travel to it, and what it answers decides what is installed as root.
check_server() {
    [[ $server =~ $SERVER_SHAPE ]] || die 2 "--server must be an https URL (plain http only to loopback)"
    local scheme=${BASH_REMATCH[1]} host=${BASH_REMATCH[2]}
    if [[ $scheme == http ]] && ! [[ $host == localhost || $host == "[::1]" \
            || $host =~ ^127\.[0-9]{1,3}\.[0-9]{1,3}\.[0-9]{1,3}$ ]]; then
        die 2 "refusing plain http to ${host}: use https (plain http only to loopback)"
    fi
}

usage() {
    log "usage: linux.sh [--server URL] [--provider gcp|azure|aws|vmware] [--audience AUD] [--label KEY=VALUE]..."
    log "                [--patch-group NAME] [--skip-agent-install] [--timeout SECONDS]"
    exit 2
}

json_escape() {
    local text=$1
    text=${text//\\/\\\\}
    text=${text//\"/\\\"}
    text=${text//$'\n'/\\n}
    text=${text//$'\r'/\\r}
    text=${text//$'\t'/\\t}
    printf '%s' "$text"
}

# The string value of a top-level member of a flat JSON object (enough for Crosspatch's own answers and for
# IMDS's; values with escaped quotes are not needed here).
json_member() {
    local name=$1 payload=$2
    printf '%s' "$payload" | tr -d '\n' | sed -n "s/.*\"${name}\"[[:space:]]*:[[:space:]]*\"\([^\"]*\)\".*/\1/p"
}

parse_arguments() {
    while (($# > 0)); do
        case $1 in
            --server) server=${2:?--server needs a URL}; shift ;;
            --provider) provider=${2:?--provider needs a name}; shift ;;
            --audience) audience=${2:?--audience needs a value}; shift ;;
            --label)
                [[ ${2:-} == *=* ]] || die 2 "--label needs KEY=VALUE"
                labels["${2%%=*}"]="${2#*=}"
                shift ;;
            --patch-group) labels[crosspatch-patchgroup]=${2:?--patch-group needs a name}; shift ;;
            --skip-agent-install) skip_agent_install=true ;;
            --timeout) timeout_seconds=${2:?--timeout needs seconds}; shift ;;
            -h|--help) usage ;;
            *) log "unknown option: $1"; usage ;;
        esac
        shift
    done
    if [[ -z $server && $DEFAULT_SERVER != @*@ ]]; then
        server=$DEFAULT_SERVER
    fi
    if [[ -z $audience && $DEFAULT_GCP_AUDIENCE != @*@ ]]; then
        audience=$DEFAULT_GCP_AUDIENCE
    fi
    [[ -n $server ]] || die 2 "no Crosspatch server: pass --server URL or set CROSSPATCH_URL"
    server=${server%/}
    check_server
    [[ $timeout_seconds =~ ^[0-9]+$ ]] || die 2 "--timeout must be a number of seconds"
}

# --- the metadata services ------------------------------------------------------------------------------------

gcp_get() {
    curl -fsS --max-time 5 -H 'Metadata-Flavor: Google' "${gcp_metadata%/}/computeMetadata/v1/$1"
}

gcp_identity_token() {
    curl -fsS --max-time 5 -G -H 'Metadata-Flavor: Google' --data-urlencode "audience=${audience}" \
        --data-urlencode format=full "${gcp_metadata%/}/computeMetadata/v1/instance/service-accounts/default/identity"
}

azure_get() {
    curl -fsS --max-time 5 -H 'Metadata: true' "${azure_imds%/}/metadata/$1"
}

aws_token() {
    curl -fsS --max-time 5 -X PUT -H 'X-aws-ec2-metadata-token-ttl-seconds: 300' "${aws_imds%/}/latest/api/token"
}

aws_get() {
    local token=$1 path=$2
    curl -fsS --max-time 5 -H "X-aws-ec2-metadata-token: ${token}" "${aws_imds%/}/latest/$path"
}

vmware_get() {
    "$vmtoolsd" --cmd "info-get guestinfo.$1" 2>/dev/null
}

# Which cloud this VM is on: the first metadata service that answers as only its cloud's does.
detect_provider() {
    if gcp_get "instance/id" >/dev/null 2>&1; then
        echo gcp
    elif azure_get "instance?api-version=${AZURE_API_VERSION}" >/dev/null 2>&1; then
        echo azure
    elif aws_token >/dev/null 2>&1; then
        echo aws
    elif command -v "$vmtoolsd" >/dev/null 2>&1 && vmware_get crosspatch.token >/dev/null; then
        echo vmware
    else
        return 1
    fi
}

# The VM's own value for a crosspatch-* label (GCP metadata attribute, Azure tag, EC2 tag, VMware guestinfo key).
platform_label() {
    local key=$1
    case $provider in
        gcp) gcp_get "instance/attributes/${key}" 2>/dev/null || true ;;
        azure)
            azure_get "instance/compute/tagsList?api-version=${AZURE_API_VERSION}" 2>/dev/null | tr -d '\n' \
                | sed -n "s/.*{[[:space:]]*\"name\"[[:space:]]*:[[:space:]]*\"${key}\"[[:space:]]*,[[:space:]]*\"value\"[[:space:]]*:[[:space:]]*\"\([^\"]*\)\".*/\1/p" \
                || true ;;
        aws) aws_get "$aws_imds_token" "meta-data/tags/instance/${key}" 2>/dev/null || true ;;
        vmware) vmware_get "$key" || true ;;
    esac
}

# The "identity" member of the enrollment for this provider, read from its metadata service.
identity_json() {
    case $provider in
        gcp)
            [[ -n $audience ]] || die 2 "GCP needs the token audience: pass --audience or set CROSSPATCH_GCP_AUDIENCE"
            local token
            token=$(gcp_identity_token) \
                || die 4 "the GCP metadata server gave no identity token"
            printf '{"token":"%s"}' "$(json_escape "$token")"
            ;;
        azure)
            local challenge nonce attested signature
            challenge=$(curl -fsS --max-time 10 -X POST "${server}/v1/challenges") || die 4 "Crosspatch gave no challenge"
            nonce=$(json_member nonce "$challenge")
            [[ -n $nonce ]] || die 4 "Crosspatch's challenge had no nonce"
            expect "challenge nonce" "$nonce" "$NONCE_SHAPE"
            attested=$(azure_get "attested/document?api-version=${AZURE_API_VERSION}&nonce=${nonce}") \
                || die 4 "Azure IMDS gave no attested document"
            signature=$(json_member signature "$attested")
            signature=${signature//'\/'/'/'}   # JSON may escape the base64's slashes
            [[ -n $signature ]] || die 4 "Azure IMDS's attested document had no signature"
            printf '{"attestedDocument":"%s","nonce":"%s"}' "$(json_escape "$signature")" "$nonce"
            ;;
        aws)
            local pkcs7 document
            pkcs7=$(aws_get "$aws_imds_token" dynamic/instance-identity/rsa2048 | tr -d '\n') \
                || die 4 "EC2 IMDS gave no signed identity document"
            document=$(aws_get "$aws_imds_token" dynamic/instance-identity/document) \
                || die 4 "EC2 IMDS gave no identity document"
            printf '{"pkcs7":"%s","document":"%s"}' "$(json_escape "$pkcs7")" "$(json_escape "$document")"
            ;;
        vmware)
            local token
            token=$(vmware_get crosspatch.token) \
                || die 4 "guestinfo.crosspatch.token is not set: ask the VMware administrator to mint one for this VM"
            printf '{"token":"%s"}' "$(json_escape "$token")"
            ;;
        *) die 2 "unknown provider '${provider}' (gcp, azure, aws or vmware)" ;;
    esac
}

# --- host facts -------------------------------------------------------------------------------------------------

os_release_value() {
    if [[ -r $os_release ]]; then
        sed -n "s/^$1=//p" "$os_release" | head -n 1 | sed -e 's/^"\(.*\)"$/\1/' -e "s/^'\(.*\)'\$/\1/"
    fi
}

host_json() {
    local hostname family version
    hostname=${CROSSPATCH_HOSTNAME:-$(hostname 2>/dev/null || cat /etc/hostname)}
    family=$(os_release_value ID)
    version=$(os_release_value VERSION_ID)
    local os
    os=$(printf '"family":"%s"' "$(json_escape "${family:-linux}")")
    [[ -z $version ]] || os+=$(printf ',"version":"%s"' "$(json_escape "$version")")
    printf '{"hostname":"%s","os":{%s}}' "$(json_escape "${hostname%%.*}")" "$os"
}

labels_json() {
    local key value first=true out="{"
    for key in crosspatch-patching crosspatch-patchgroup; do
        if [[ -z ${labels[$key]+set} ]]; then
            value=$(platform_label "$key")
            [[ -z $value ]] || labels[$key]=$value
        fi
    done
    [[ -n ${labels[crosspatch-patching]+set} ]] || labels[crosspatch-patching]=true
    for key in "${!labels[@]}"; do
        $first || out+=","
        first=false
        out+="\"$(json_escape "$key")\":\"$(json_escape "${labels[$key]}")\""
    done
    printf '%s}' "$out"
}

# --- enrollment -------------------------------------------------------------------------------------------------

# 32 random bytes, base64url without padding: 43 characters. Kept (readable by root only) so that a reboot
# before the activation arrived polls the same enrollment instead of starting another.
enrollment_secret() {
    local file="${state_dir}/enrollment-secret"
    if [[ ! -s $file ]]; then
        (umask 077 && mkdir -p "$state_dir" && head -c 32 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=\n' >"$file")
    fi
    cat "$file"
}

# POSTs the enrollment; prints the enrollment id. Retries what a server or network hiccup can explain.
enroll() {
    local body=$1 attempt response status payload delay=$poll_initial
    for attempt in 1 2 3 4 5 6; do
        response=$(curl -sS --max-time 30 -X POST -H 'Content-Type: application/json' --data-binary @- \
            -w '\n%{http_code}' "${server}/v1/enrollments" <<<"$body") || response=$'\n000'
        status=${response##*$'\n'}
        payload=${response%$'\n'*}
        case $status in
            202|200)
                local enrollment_id
                enrollment_id=$(json_member enrollmentId "$payload")
                expect "enrollment id" "$enrollment_id" "$ENROLLMENT_ID_SHAPE"
                printf '%s\n' "$enrollment_id"
                return 0 ;;
            429|5??|000) log "enrollment not accepted yet (HTTP ${status}), attempt ${attempt}" ;;
            400) refused "$(json_member error "$payload")" "$(json_member message "$payload")" ;;
            *) die 3 "enrollment refused (HTTP ${status}): $(printable "$(json_member error "$payload") $(json_member message "$payload")")" ;;
        esac
        sleep "$delay"
        delay=$(next_delay "$delay")
    done
    die 3 "the enrollment endpoint kept failing; giving up"
}

# A 400 is final: the same request would be refused again. An identity signed with a key its cloud does not
# publish (UNTRUSTED_SIGNER) is refused before anything is recorded, so say what that means rather than retry.
refused() {
    local code message
    code=$(printable "$1")
    message=$(printable "$2")
    case $code in
        UNTRUSTED_SIGNER)
            die 3 "enrollment rejected (UNTRUSTED_SIGNER): this VM's identity is not signed by a key its cloud publishes" \
                "(not a genuine identity from this VM's metadata service, or for VMware a vCenter signing key" \
                "Crosspatch is not configured with): ${message}" ;;
        *) die 3 "enrollment refused (HTTP 400): ${code} ${message}" ;;
    esac
}

next_delay() {
    awk -v d="$1" -v max="$poll_max" 'BEGIN { n = d * 2; if (n > max) n = max; print n }'
}

# One status request; prints the answer and, on its last line, the HTTP status (000: no answer). The secret goes
# to curl on stdin, never on its command line, where any local user could read it.
status_request() {
    local enrollment_id=$1 secret=$2
    curl -sS --max-time 30 -H @- -w '\n%{http_code}' "${server}/v1/enrollments/${enrollment_id}" \
        <<<"Authorization: Bearer ${secret}" || printf '\n000'
}

# Polls the status until an activation arrives (prints "id code region", each checked) or the enrollment is refused.
await_activation() {
    local enrollment_id=$1 secret=$2 deadline delay=$poll_initial response status payload state reason
    local activation_id code region
    deadline=$(($(date +%s) + timeout_seconds))
    while (($(date +%s) < deadline)); do
        response=$(status_request "$enrollment_id" "$secret")
        status=${response##*$'\n'}
        payload=${response%$'\n'*}
        if [[ $status == 200 ]]; then
            state=$(json_member status "$payload")
            case $state in
                ACTIVATION_ISSUED|REGISTERED)
                    activation_id=$(json_member activationId "$payload")
                    code=$(json_member activationCode "$payload")
                    region=$(json_member region "$payload")
                    expect "activation id" "$activation_id" "$ACTIVATION_ID_SHAPE"
                    expect "activation code" "$code" "$ACTIVATION_CODE_SHAPE"
                    expect "region" "$region" "$REGION_SHAPE"
                    printf '%s %s %s\n' "$activation_id" "$code" "$region"
                    return 0 ;;
                REJECTED|FAILED|RETIRED)
                    reason=$(json_member reason "$payload")
                    [[ $reason =~ $REASON_SHAPE ]] || reason="(no readable reason)"
                    die 3 "enrollment ${enrollment_id} ${state}: ${reason}" ;;
                PENDING|VERIFIED|ACCOUNT_READY) log "enrollment ${enrollment_id}: ${state}" ;;
                *) die 7 "Crosspatch answered a malformed status; refusing to use it" ;;
            esac
        elif [[ $status == 404 ]]; then
            die 3 "enrollment ${enrollment_id} is unknown to Crosspatch (or the kept secret does not match)"
        else
            log "status not available (HTTP ${status})"
        fi
        sleep "$delay"
        delay=$(next_delay "$delay")
    done
    die 5 "no activation for enrollment ${enrollment_id} within ${timeout_seconds} s"
}

# --- a rerun ------------------------------------------------------------------------------------------------------

# The managed instance the local SSM Agent is registered as, from its registration file; nothing when it has none.
local_managed_instance() {
    local registration instance_id
    [[ -r $ssm_registration ]] || return 0
    registration=$(head -c 4096 "$ssm_registration")
    instance_id=$(json_member ManagedInstanceID "$registration")
    if [[ $instance_id =~ $MANAGED_INSTANCE_SHAPE ]]; then
        printf '%s\n' "$instance_id"
    fi
}

# What a rerun does with the enrollment it kept, from the status Crosspatch answers (asked again only while it
# cannot answer): "registered" when the enrollment is REGISTERED as the instance the local agent is registered as,
# or the agent registered with the very activation Crosspatch still shows as issued (its watcher has not seen the
# node yet); "follow" while the enrollment is under way; "afresh" when it is gone (unknown or expired: 404),
# REJECTED, FAILED, RETIRED (the instance was retired and its claim released), or REGISTERED as an instance that
# is not the local agent's (the agent was registered again elsewhere, or lost its registration). A secret that no longer matches is a 404 too: a new secret is what helps.
kept_enrollment_outcome() {
    local enrollment_id=$1 secret=$2 local_instance=$3 deadline delay=$poll_initial response status payload state
    local managed_instance activation_id reason used_activation="" used_file="${state_dir}/registered-activation"
    [[ ! -s $used_file ]] || used_activation=$(head -c 64 "$used_file")
    deadline=$(($(date +%s) + timeout_seconds))
    while (($(date +%s) < deadline)); do
        response=$(status_request "$enrollment_id" "$secret")
        status=${response##*$'\n'}
        payload=${response%$'\n'*}
        if [[ $status == 200 ]]; then
            state=$(json_member status "$payload")
            case $state in
                REGISTERED)
                    managed_instance=$(json_member managedInstanceId "$payload")
                    expect "managed instance id" "$managed_instance" "$MANAGED_INSTANCE_SHAPE"
                    if [[ $managed_instance == "$local_instance" ]]; then
                        echo registered
                    else
                        log "enrollment ${enrollment_id} is registered as ${managed_instance}, but the SSM Agent here" \
                            "is registered as ${local_instance:-nothing}; enrolling afresh"
                        echo afresh
                    fi ;;
                ACTIVATION_ISSUED)
                    activation_id=$(json_member activationId "$payload")
                    if [[ -n $local_instance && -n $used_activation && $activation_id == "$used_activation" ]]; then
                        log "the SSM Agent registered as ${local_instance} with activation ${activation_id};" \
                            "Crosspatch has not seen it yet"
                        echo registered
                    else
                        echo follow
                    fi ;;
                PENDING|VERIFIED|ACCOUNT_READY) echo follow ;;
                REJECTED|FAILED|RETIRED)
                    reason=$(json_member reason "$payload")
                    [[ $reason =~ $REASON_SHAPE ]] || reason="(no readable reason)"
                    log "enrollment ${enrollment_id} ${state}: ${reason}; enrolling afresh"
                    echo afresh ;;
                *) die 7 "Crosspatch answered a malformed status; refusing to use it" ;;
            esac
            return 0
        elif [[ $status == 404 ]]; then
            log "enrollment ${enrollment_id} is unknown to Crosspatch (expired, or the kept secret does not match);" \
                "enrolling afresh"
            echo afresh
            return 0
        fi
        log "status not available (HTTP ${status})"
        sleep "$delay"
        delay=$(next_delay "$delay")
    done
    die 5 "Crosspatch did not answer the status of enrollment ${enrollment_id} within ${timeout_seconds} s"
}

# Drops the kept enrollment, its secret with it: the next enrollment is a new one, not a retry of the old request.
forget_enrollment() {
    rm -f "${state_dir}/enrollment-id" "${state_dir}/enrollment-secret" "${state_dir}/registered-activation"
}

# --- the SSM Agent ----------------------------------------------------------------------------------------------

install_agent() {
    local region=$1 family base
    command -v amazon-ssm-agent >/dev/null 2>&1 && return 0
    $skip_agent_install && die 6 "the SSM Agent is not installed and --skip-agent-install was given"
    family=$(os_release_value ID)
    base="https://s3.${region}.amazonaws.com/amazon-ssm-${region}/latest"
    log "installing the SSM Agent for ${family:-this distribution}"
    case $family in
        ubuntu|debian)
            local deb
            deb=$(mktemp --suffix=.deb)
            curl -fsS -o "$deb" "${base}/debian_$(deb_arch)/amazon-ssm-agent.deb" && dpkg -i "$deb" ;;
        rhel|centos|ol|amzn|fedora|rocky|almalinux)
            yum install -y "${base}/linux_$(deb_arch)/amazon-ssm-agent.rpm" ;;
        *) die 6 "do not know how to install the SSM Agent on '${family}'; install it and run again" ;;
    esac
}

deb_arch() {
    case $(uname -m) in
        aarch64|arm64) echo arm64 ;;
        *) echo amd64 ;;
    esac
}

register_agent() {
    local activation_id=$1 code=$2 region=$3
    amazon-ssm-agent -register -code "$code" -id "$activation_id" -region "$region" -y >&2 \
        || die 6 "the SSM Agent did not register"
    # A reboot before Crosspatch has seen the node must not register again with this single-use activation.
    (umask 077 && printf '%s\n' "$activation_id" >"${state_dir}/registered-activation")
    if command -v systemctl >/dev/null 2>&1 && systemctl cat amazon-ssm-agent.service >/dev/null 2>&1; then
        systemctl restart amazon-ssm-agent.service || log "could not restart the SSM Agent service"
    fi
}

main() {
    parse_arguments "$@"

    local secret enrollment_id="" activation id_file="${state_dir}/enrollment-id"
    if [[ -s $id_file && -s ${state_dir}/enrollment-secret ]]; then
        # A rerun (a reboot, a second boot script) asks about the enrollment it already made before anything else:
        # a fresh identity document under the same secret would be a different request, which Crosspatch refuses
        # as a conflict, and a host that is done should cost one status request and nothing more.
        enrollment_id=$(cat "$id_file")
        [[ $enrollment_id =~ $ENROLLMENT_ID_SHAPE ]] || die 2 "${id_file} holds no enrollment id; delete ${state_dir} to start over"
        local local_instance outcome
        local_instance=$(local_managed_instance)
        secret=$(enrollment_secret)
        outcome=$(kept_enrollment_outcome "$enrollment_id" "$secret" "$local_instance")
        case $outcome in
            registered)
                log "already registered with SSM as ${local_instance} (enrollment ${enrollment_id}); nothing to do"
                return 0 ;;
            follow) log "following enrollment ${enrollment_id} (delete ${state_dir} to start over)" ;;
            *)
                forget_enrollment
                enrollment_id="" ;;
        esac
    fi

    if [[ -z $enrollment_id ]]; then
        if [[ -z $provider ]]; then
            provider=$(detect_provider) || die 4 "cannot tell which cloud this is; pass --provider"
        fi
        aws_imds_token=""
        if [[ $provider == aws ]]; then
            aws_imds_token=$(aws_token) || die 4 "EC2 IMDSv2 gave no session token"
        fi
        log "enrolling this ${provider} VM with ${server}"
        secret=$(enrollment_secret)
        # Each part is read into a variable first: a failure inside a nested $(…) would not stop the script.
        local identity host labels_object body
        identity=$(identity_json)
        host=$(host_json)
        labels_object=$(labels_json)
        body=$(printf '{"provider":"%s","identity":%s,"host":%s,"labels":%s,"enrollmentSecret":"%s"}' \
            "$provider" "$identity" "$host" "$labels_object" "$secret")
        enrollment_id=$(enroll "$body")
        (umask 077 && printf '%s\n' "$enrollment_id" >"$id_file")
        log "enrollment ${enrollment_id} accepted; waiting for the activation"
    fi

    activation=$(await_activation "$enrollment_id" "$secret")
    read -r activation_id code region <<<"$activation"
    # Checked again where they are used: a function's exit inside $(…) is easy to lose in a later edit.
    expect "activation id" "$activation_id" "$ACTIVATION_ID_SHAPE"
    expect "activation code" "$code" "$ACTIVATION_CODE_SHAPE"
    expect "region" "$region" "$REGION_SHAPE"
    install_agent "$region"
    register_agent "$activation_id" "$code" "$region"
    log "registered with SSM in ${region} (activation ${activation_id})"
}

main "$@"
