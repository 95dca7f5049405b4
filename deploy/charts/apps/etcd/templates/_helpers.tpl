{{/* Resources of a preset; explicit resources win. Values are limits; CPU requests are a tenth of the limit (memory requests equal the limit). */}}
{{- define "hearth.resources" -}}
{{- $presets := dict "nano" (list "250m" "128Mi") "micro" (list "500m" "256Mi") "small" (list "1" "512Mi") "medium" (list "1" "1Gi") "large" (list "2" "2Gi") "xlarge" (list "4" "4Gi") "2xlarge" (list "8" "8Gi") -}}
{{- $preset := get $presets (.preset | default "nano") -}}
{{- $cpu := (.resources | default dict).cpu | default (index $preset 0) | toString -}}
{{- $memory := (.resources | default dict).memory | default (index $preset 1) -}}
{{- $millis := ternary (float64 (trimSuffix "m" $cpu)) (mulf (float64 $cpu) 1000) (hasSuffix "m" $cpu) -}}
{{- $request := max 1 (int (divf $millis 10)) -}}
limits:
  cpu: {{ $cpu | quote }}
  memory: {{ $memory | quote }}
requests:
  cpu: {{ printf "%dm" $request | quote }}
  memory: {{ $memory | quote }}
{{- end -}}

{{/* A user's password: the one given, else the one already stored, else a new random one. */}}
{{- define "hearth.password" -}}
{{- $given := .user.password | default "" -}}
{{- if $given -}}{{ $given }}{{- else -}}
{{- $existing := lookup "v1" "Secret" .namespace .secret -}}
{{- if and $existing (index $existing.data .key) -}}{{ index $existing.data .key | b64dec }}{{- else -}}{{ randAlphaNum 32 }}{{- end -}}
{{- end -}}
{{- end -}}
