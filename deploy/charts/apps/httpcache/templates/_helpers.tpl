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

{{/* The cache may fill 90% of its volume (nginx wants a byte count with k/m/g). */}}
{{- define "httpcache.cacheBytes" -}}
{{- $size := .Values.size | toString -}}
{{- $units := dict "Ki" 1 "Mi" 1024 "Gi" 1048576 "Ti" 1073741824 "K" 1 "M" 1000 "G" 1000000 "T" 1000000000 -}}
{{- $number := regexFind "^[0-9.]+" $size -}}
{{- $unit := trimPrefix $number $size -}}
{{- $kib := mulf (float64 $number) (get $units $unit | default 0.0009765625) -}}
{{- printf "%dk" (int (mulf $kib 0.9)) -}}
{{- end -}}

{{- define "httpcache.nginxConf" -}}
worker_processes auto;
pid /tmp/nginx.pid;
events { worker_connections 4096; }
http {
  client_body_temp_path /tmp/client_body;
  proxy_temp_path /tmp/proxy;
  fastcgi_temp_path /tmp/fastcgi;
  uwsgi_temp_path /tmp/uwsgi;
  scgi_temp_path /tmp/scgi;
  access_log /dev/stdout;
  error_log /dev/stderr warn;
  proxy_cache_path /data/cache levels=1:2 keys_zone=cache:64m max_size={{ include "httpcache.cacheBytes" . }} inactive=7d use_temp_path=off;
  {{- if .Values.endpoints }}
  upstream origin {
    {{- range .Values.endpoints }}
    server {{ . }};
    {{- end }}
    keepalive 32;
  }
  {{- end }}
  server {
    listen 8080;
    location = /healthz { access_log off; return 200 "ok\n"; }
    location / {
      {{- if .Values.endpoints }}
      proxy_pass http://origin;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host $host;
      proxy_cache cache;
      proxy_cache_key $scheme$host$request_uri;
      proxy_cache_lock on;
      proxy_cache_use_stale error timeout updating http_500 http_502 http_503 http_504;
      proxy_cache_valid 200 301 302 10m;
      add_header X-Cache-Status $upstream_cache_status;
      {{- else }}
      # no endpoints configured
      return 502;
      {{- end }}
    }
  }
}
{{- end -}}
